using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Users;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Users)]
public sealed class EditModel(IUserAppService users, IRoleAppService roles, IPermissionChecker permissions, ErpSaaS.Approvals.IUserManagerAppService managers)
    : AdminPageModel
{
    public new UserDetailDto User { get; private set; } = null!;
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>Who approves this user's documents in "submitter's manager" steps.</summary>
    [BindProperty]
    public Guid? ManagerId { get; set; }

    public IReadOnlyList<ErpSaaS.Approvals.ApprovalOptionDto> ManagerCandidates { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Roles = [.. User.Roles];
    }

    public Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(id, () => users.UpdateRolesAsync(id, Roles, cancellationToken), "Identity:RolesSaved", keepPostedRoles: true, cancellationToken);

    public async Task<IActionResult> OnPostManagerAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = ManagerId;
        var result = await CommandAsync(id, () => managers.SetManagerAsync(id, posted, cancellationToken), "Approvals:ManagerSaved", keepPostedRoles: false, cancellationToken);
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult) ManagerId = posted;
        return result;
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(id, () => users.DeactivateAsync(id, cancellationToken), "Identity:Deactivated", keepPostedRoles: false, cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(id, () => users.ActivateAsync(id, cancellationToken), "Identity:Activated", keepPostedRoles: false, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(id, () => users.UnlockAsync(id, cancellationToken), "Identity:Unlocked", keepPostedRoles: false, cancellationToken);

    private async Task<IActionResult> CommandAsync(Guid id, Func<Task> command, string doneKey, bool keepPostedRoles, CancellationToken cancellationToken)
    {
        if (await TryAsync(command, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        var posted = Roles;
        await LoadAsync(id, cancellationToken);
        Roles = keepPostedRoles ? posted : [.. User.Roles];
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        User = await users.GetAsync(id, cancellationToken);
        RoleNames = await roles.GetNamesAsync(cancellationToken);
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        ManagerId = await managers.GetManagerAsync(id, cancellationToken);
        ManagerCandidates = await managers.GetCandidatesAsync(id, cancellationToken);
    }
}
