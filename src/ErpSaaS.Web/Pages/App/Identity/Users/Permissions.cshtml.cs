using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Identity.Users;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Identity.Users)]
public sealed class PermissionsModel(IRoleAppService roles) : PermissionMatrixPageModel
{
    protected override Task<PermissionMatrixDto> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        roles.GetUserPermissionsAsync(id, cancellationToken);

    protected override Task SaveAsync(Guid id, IReadOnlyCollection<string> granted, CancellationToken cancellationToken) =>
        roles.SetUserPermissionsAsync(id, granted, cancellationToken);
}
