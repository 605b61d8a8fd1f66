using ErpSaaS.Common;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Billing;

/// <summary>
/// A tenant's subscription (one per tenant): plan, interval, payment provider, the paid period and where its
/// payments stand. Managed host-side (sign-up, webhooks, the operator); the tenant's status follows from it.
/// </summary>
public sealed class Subscription : AggregateRoot, IHasCreationTime
{
    private Subscription() { }

    private Subscription(Guid tenantId, Guid planId, DateTimeOffset trialEndsAt, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        PlanId = planId;
        Status = SubscriptionStatus.Trialing;
        TrialEndsAt = trialEndsAt;
        CreatedAt = createdAt;
    }

    // Not IMultiTenant: written host-side (webhooks, operator); a tenant reads its own through the billing service.
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public BillingInterval Interval { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public PaymentProvider Provider { get; private set; }
    public DateTimeOffset? TrialEndsAt { get; private set; }
    public DateTimeOffset? CurrentPeriodStart { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }
    public bool CancelAtPeriodEnd { get; private set; }
    public DateTimeOffset? PastDueSince { get; private set; }
    public DateTimeOffset? CanceledAt { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Subscription StartTrial(Guid tenantId, Guid trialPlanId, DateTimeOffset trialEndsAt, DateTimeOffset now) =>
        new(tenantId, trialPlanId, trialEndsAt, now);

    /// <summary>
    /// The subscription of a tenant just created: a trial until the tenant's trial end, or (a tenant created on a
    /// paid plan, e.g. by the operator) paid for one <paramref name="interval"/> through <paramref name="provider"/>.
    /// </summary>
    public static Subscription For(Tenant tenant, BillingInterval interval, PaymentProvider provider, DateTimeOffset now)
    {
        var subscription = new Subscription(tenant.Id, tenant.PlanId, tenant.TrialEndsAt ?? now, now);
        if (tenant.Status != TenantStatus.Trialing)
        {
            subscription.Activate(tenant.PlanId, interval, provider, now, interval == BillingInterval.Yearly ? now.AddYears(1) : now.AddMonths(1));
        }
        return subscription;
    }

    /// <summary>Payment received for a period: the plan is on, whatever the state before (trial, past due, lapsed).</summary>
    public void Activate(Guid planId, BillingInterval interval, PaymentProvider provider, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        if (periodEnd <= periodStart) throw new ArgumentException("A period ends after it starts.", nameof(periodEnd));
        PlanId = planId;
        Interval = interval;
        Provider = provider;
        Status = SubscriptionStatus.Active;
        CurrentPeriodStart = periodStart;
        CurrentPeriodEnd = periodEnd;
        PastDueSince = null;
        CanceledAt = null;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    /// <summary>A renewal payment failed: the grace period starts (once).</summary>
    public void MarkPastDue(DateTimeOffset since)
    {
        if (Status == SubscriptionStatus.PastDue || Status == SubscriptionStatus.Canceled) return;
        Status = SubscriptionStatus.PastDue;
        PastDueSince = since;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    public void SetCancelAtPeriodEnd(bool cancel)
    {
        if (CancelAtPeriodEnd == cancel) return;
        CancelAtPeriodEnd = cancel;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    /// <summary>Ended now (deleted at the provider, or by the operator). Data stays; the tenant becomes read-only.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status == SubscriptionStatus.Canceled) return;
        Status = SubscriptionStatus.Canceled;
        CanceledAt = at;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    public void ExtendTrial(DateTimeOffset until)
    {
        TrialEndsAt = until;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    /// <summary>The operator moves the tenant to another plan (a downgrade keeps data; limits stop new things).</summary>
    public void ChangePlan(Guid planId, BillingInterval interval)
    {
        if (PlanId == planId && Interval == interval) return;
        PlanId = planId;
        Interval = interval;
        AddDomainEvent(new SubscriptionChanged(TenantId));
    }

    public void LinkStripe(string customerId, string? subscriptionId)
    {
        StripeCustomerId = customerId;
        if (subscriptionId is not null) StripeSubscriptionId = subscriptionId;
    }

    /// <summary>
    /// What the tenant may do now: trialing until the trial ends; active while paid (until the period end when
    /// cancelled at period end); past due for the grace period after a failed or missing renewal; read-only after.
    /// </summary>
    public TenantStatus TenantStatusAt(DateTimeOffset now, TimeSpan gracePeriod) => Status switch
    {
        SubscriptionStatus.Trialing => TrialEndsAt is { } end && now >= end ? TenantStatus.ReadOnly : TenantStatus.Trialing,
        SubscriptionStatus.Active when CurrentPeriodEnd is { } end && now >= end =>
            CancelAtPeriodEnd ? TenantStatus.ReadOnly : now >= end + gracePeriod ? TenantStatus.ReadOnly : TenantStatus.PastDue,
        SubscriptionStatus.Active => TenantStatus.Active,
        SubscriptionStatus.PastDue => now >= (PastDueSince ?? now) + gracePeriod ? TenantStatus.ReadOnly : TenantStatus.PastDue,
        _ => TenantStatus.ReadOnly,
    };

    /// <summary>When the grace period of a past-due subscription ends (for the banner), if it is past due.</summary>
    public DateTimeOffset? GraceEndsAt(DateTimeOffset now, TimeSpan gracePeriod) => TenantStatusAt(now, gracePeriod) == TenantStatus.PastDue
        ? (Status == SubscriptionStatus.PastDue ? PastDueSince!.Value : CurrentPeriodEnd!.Value) + gracePeriod
        : null;
}

public sealed record SubscriptionChanged(Guid TenantId) : IDomainEvent;
