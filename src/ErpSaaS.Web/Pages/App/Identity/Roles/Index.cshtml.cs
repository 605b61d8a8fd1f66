using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Roles;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Roles)]
public sealed class IndexModel(IRoleAppService roles, IPermissionChecker permissions, TimeProvider clock) : AdminPageModel
{
    public RoleListQuery Query { get; private set; } = new();
    public PagedResult<RoleListItemDto> Result { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync([FromQuery] RoleListQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        Result = await roles.GetListAsync(query, cancellationToken);
        CanManage = await permissions.IsGrantedAsync(ErpPermissions.Identity.RolesManage, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] RoleListQuery query, CancellationToken cancellationToken) =>
        CsvExport.File("roles", clock.GetUtcNow(), await roles.ExportAsync(query, cancellationToken),
            new CsvColumn<RoleListItemDto>(L["Identity:RoleName"], r => L.RoleName(r.Name)),
            new CsvColumn<RoleListItemDto>(L["Identity:Description"], r => r.Description),
            new CsvColumn<RoleListItemDto>(L["Identity:UserCount"], r => r.UserCount));
}
