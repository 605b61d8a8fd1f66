namespace ErpSaaS.Tenancy;

public enum TenantStatus
{
    Trialing = 0,
    Active = 1,
    PastDue = 2,
    ReadOnly = 3,
    Suspended = 4,
}
