using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Identity.Users;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Users)]
public sealed class IndexModel(IUserAppService users, IPermissionChecker permissions, TimeProvider clock)
    : ListPageModel<UserListQuery, UserListItemDto>(clock)
{
    public bool CanManage { get; private set; }

    protected override string ExportName => "users";

    protected override Task<PagedResult<UserListItemDto>> GetPageAsync(UserListQuery query, CancellationToken cancellationToken) =>
        users.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<UserListItemDto>> ExportAsync(UserListQuery query, CancellationToken cancellationToken) =>
        users.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Identity.UsersManage, cancellationToken);

    protected override IEnumerable<ExportColumn<UserListItemDto>> ExportColumns() =>
    [
        new(L["Identity:UserName"], u => u.UserName),
        new(L["Identity:DisplayName"], u => u.DisplayName),
        new(L["Identity:Email"], u => u.Email),
        new(L["Identity:Roles"], u => u.Roles),
        new(L["Identity:Status"], u => L[$"Identity:UserStatus:{StatusOf(u)}"].Value),
        new(L["Identity:CreatedAt"], u => u.CreatedAt),
        new(L["Identity:LastSignIn"], u => u.LastSignInAt),
    ];

    public static UserStatusFilter StatusOf(UserListItemDto user) =>
        !user.IsActive ? UserStatusFilter.Inactive : user.IsInvitationPending ? UserStatusFilter.Invited : UserStatusFilter.Active;
}
