using ErpSaaS.Common;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Billing;

/// <summary>
/// In the transaction that changed a subscription, brings its tenant's status and plan in line
/// (so features switch the moment a payment is recorded, and never half-way).
/// </summary>
public sealed class ApplySubscriptionToTenantInTransaction(IBillingRepository billing, ITenantRepository tenants, TimeProvider clock)
    : IDomainEventHandler<SubscriptionChanged>
{
    public async Task HandleAsync(SubscriptionChanged domainEvent, CancellationToken cancellationToken)
    {
        var subscription = await billing.FindSubscriptionAsync(domainEvent.TenantId, cancellationToken);
        var tenant = await tenants.FindAsync(domainEvent.TenantId, cancellationToken);
        if (subscription is null || tenant is null) return;
        TenantLifecycle.Apply(tenant, subscription, clock.GetUtcNow(), BillingConsts.DefaultGracePeriod);
    }
}
