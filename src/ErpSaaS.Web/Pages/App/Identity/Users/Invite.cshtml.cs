using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Users;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.UsersManage)]
public sealed class InviteModel(IUserAppService users, IRoleAppService roles) : AdminPageModel
{
    [BindProperty]
    public InviteUserInput Input { get; set; } = new();

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => RoleNames = await roles.GetNamesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        UserDetailDto? invited = null;
        if (await TryAsync(async () => invited = await users.InviteAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Identity:InvitationSent", invited!.Email].Value;
            return RedirectToPage("Edit", new { id = invited.Id });
        }
        RoleNames = await roles.GetNamesAsync(cancellationToken);
        return Page();
    }
}
