using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Settings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Settings.View)]
public sealed class IndexModel(ISettingsAppService settings, IPermissionChecker permissions) : AdminPageModel
{
    [BindProperty]
    public TenantSettingsDto Input { get; set; } = new();

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = await settings.GetAsync(cancellationToken);
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Settings.Manage, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Settings.Manage, cancellationToken);
        if (!await TryAsync(() => settings.UpdateAsync(Input, cancellationToken))) return Page();
        TempData["Message"] = L["Settings:Saved"].Value;
        return RedirectToPage();
    }
}
