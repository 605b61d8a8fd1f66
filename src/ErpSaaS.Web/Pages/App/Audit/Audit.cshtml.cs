using ErpSaaS.Auditing;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Audit;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Auditing.AuditLogs)]
public sealed class IndexModel(IAuditLogAppService audit, TimeProvider clock) : AuditIndexPageModel(audit, clock)
{
    public override AuditScope Scope => AuditScope.CurrentTenant;
}

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Auditing.AuditLogs)]
public sealed class ChangeModel(IAuditLogAppService audit) : AuditChangePageModel(audit)
{
    public override AuditScope Scope => AuditScope.CurrentTenant;
}
