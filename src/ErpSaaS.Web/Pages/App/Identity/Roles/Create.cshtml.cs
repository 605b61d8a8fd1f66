using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Roles;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.RolesManage)]
public sealed class CreateModel(IRoleAppService roles) : AdminPageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await roles.CreateAsync(Input, cancellationToken))) return Page();
        TempData["Message"] = L["Identity:RoleCreated", Input.Name].Value;
        return RedirectToPage("Permissions", new { id });
    }
}
