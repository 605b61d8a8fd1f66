using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Identity.Roles;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Roles)]
public sealed class IndexModel(IRoleAppService roles, IPermissionChecker permissions, TimeProvider clock)
    : ListPageModel<RoleListQuery, RoleListItemDto>(clock)
{
    public bool CanManage { get; private set; }

    protected override string ExportName => "roles";

    protected override Task<PagedResult<RoleListItemDto>> GetPageAsync(RoleListQuery query, CancellationToken cancellationToken) =>
        roles.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<RoleListItemDto>> ExportAsync(RoleListQuery query, CancellationToken cancellationToken) =>
        roles.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Identity.RolesManage, cancellationToken);

    protected override IEnumerable<ExportColumn<RoleListItemDto>> ExportColumns() =>
    [
        new(L["Identity:RoleName"], r => L.RoleName(r.Name)),
        new(L["Identity:Description"], r => r.Description),
        new(L["Identity:UserCount"], r => r.UserCount),
    ];
}
