using ErpSaaS.Tenancy;

namespace ErpSaaS.Billing;

/// <summary>
/// Keeps a tenant's status and plan in step with its subscription. The operator's suspension wins over
/// everything; nothing here ever deletes data — a lapsed tenant only becomes read-only.
/// </summary>
public static class TenantLifecycle
{
    public static void Apply(Tenant tenant, Subscription subscription, DateTimeOffset now, TimeSpan gracePeriod)
    {
        tenant.ChangePlan(subscription.PlanId);
        if (subscription.TrialEndsAt is { } trialEnd && subscription.Status == SubscriptionStatus.Trialing)
        {
            tenant.ExtendTrial(trialEnd);
        }
        if (tenant.Status == TenantStatus.Suspended) return;
        tenant.ChangeStatus(subscription.TenantStatusAt(now, gracePeriod));
    }
}
