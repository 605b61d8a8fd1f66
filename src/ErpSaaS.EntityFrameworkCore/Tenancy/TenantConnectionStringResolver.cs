using ErpSaaS.Tenancy;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

/// <summary>The shared database by default; a tenant's own database when the operator gave it one.</summary>
public sealed class TenantConnectionStringResolver(ErpDatabaseOptions database, ITenantStore tenants)
{
    public string Resolve(Guid? tenantId) =>
        tenantId is { } id && tenants.Find(id)?.ConnectionString is { Length: > 0 } own ? own : database.ConnectionString;
}
