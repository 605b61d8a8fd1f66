using ErpSaaS.Auditing;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.Host.Audit;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.AuditLogs)]
public sealed class IndexModel(IAuditLogAppService audit, TimeProvider clock) : AuditIndexPageModel(audit, clock)
{
    public override AuditScope Scope => AuditScope.AllTenants;
}

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.AuditLogs)]
public sealed class ChangeModel(IAuditLogAppService audit) : AuditChangePageModel(audit)
{
    public override AuditScope Scope => AuditScope.AllTenants;
}
