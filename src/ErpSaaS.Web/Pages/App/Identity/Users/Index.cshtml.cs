using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Users;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Users)]
public sealed class IndexModel(IUserAppService users, IPermissionChecker permissions, TimeProvider clock) : AdminPageModel
{
    public UserListQuery Query { get; private set; } = new();
    public PagedResult<UserListItemDto> Result { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync([FromQuery] UserListQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        Result = await users.GetListAsync(query, cancellationToken);
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] UserListQuery query, CancellationToken cancellationToken) =>
        CsvExport.File("users", clock.GetUtcNow(), await users.ExportAsync(query, cancellationToken),
            new CsvColumn<UserListItemDto>(L["Identity:UserName"], u => u.UserName),
            new CsvColumn<UserListItemDto>(L["Identity:DisplayName"], u => u.DisplayName),
            new CsvColumn<UserListItemDto>(L["Identity:Email"], u => u.Email),
            new CsvColumn<UserListItemDto>(L["Identity:Roles"], u => u.Roles),
            new CsvColumn<UserListItemDto>(L["Identity:Status"], u => L[$"Identity:UserStatus:{StatusOf(u)}"].Value),
            new CsvColumn<UserListItemDto>(L["Identity:CreatedAt"], u => u.CreatedAt),
            new CsvColumn<UserListItemDto>(L["Identity:LastSignIn"], u => u.LastSignInAt));

    public static UserStatusFilter StatusOf(UserListItemDto user) =>
        !user.IsActive ? UserStatusFilter.Inactive : user.IsInvitationPending ? UserStatusFilter.Invited : UserStatusFilter.Active;
}
