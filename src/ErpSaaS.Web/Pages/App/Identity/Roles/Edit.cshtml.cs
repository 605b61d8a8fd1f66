using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Roles;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.RolesManage)]
public sealed class EditModel(IRoleAppService roles) : AdminPageModel
{
    public RoleListItemDto Role { get; private set; } = null!;

    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Role = await roles.GetAsync(id, cancellationToken);
        Input = new RoleInput { Name = Role.Name, Description = Role.Description };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => roles.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Identity:RoleSaved"].Value;
            return RedirectToPage(new { id });
        }
        Role = await roles.GetAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        Role = await roles.GetAsync(id, cancellationToken);
        if (await TryAsync(() => roles.DeleteAsync(id, cancellationToken), prefix: string.Empty))
        {
            TempData["Message"] = L["Identity:RoleDeleted", Role.Name].Value;
            return RedirectToPage("Index");
        }
        Input = new RoleInput { Name = Role.Name, Description = Role.Description };
        return Page();
    }
}
