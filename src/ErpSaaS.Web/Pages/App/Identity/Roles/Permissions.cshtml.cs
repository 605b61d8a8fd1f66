using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Identity.Roles;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Roles)]
public sealed class PermissionsModel(IRoleAppService roles) : PermissionMatrixPageModel
{
    protected override Task<PermissionMatrixDto> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        roles.GetPermissionsAsync(id, cancellationToken);

    protected override Task SaveAsync(Guid id, IReadOnlyCollection<string> granted, CancellationToken cancellationToken) =>
        roles.SetPermissionsAsync(id, granted, cancellationToken);
}
