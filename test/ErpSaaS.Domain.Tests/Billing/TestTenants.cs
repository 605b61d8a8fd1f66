using ErpSaaS.Tenancy;

namespace ErpSaaS.Domain.Tests.Billing;

internal static class TestTenants
{
    public static Tenant Suspended()
    {
        var tenant = new Tenant("Acme", "acme", Guid.NewGuid(), TenantStatus.Active, DateTimeOffset.UnixEpoch, null);
        tenant.ChangeStatus(TenantStatus.Suspended);
        return tenant;
    }
}
