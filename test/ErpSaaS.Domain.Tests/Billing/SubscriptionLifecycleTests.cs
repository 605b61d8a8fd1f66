using ErpSaaS.Billing;
using ErpSaaS.Tenancy;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Billing;

public sealed class SubscriptionLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = BillingConsts.DefaultGracePeriod;
    private static readonly Guid Trial = Guid.NewGuid();
    private static readonly Guid Standard = Guid.NewGuid();

    private static Subscription NewTrial() => Subscription.StartTrial(Guid.NewGuid(), Trial, Start.AddDays(14), Start);

    [Fact]
    public void A_trial_is_trialing_until_its_end_and_read_only_after()
    {
        var subscription = NewTrial();

        subscription.TenantStatusAt(Start.AddDays(13), Grace).ShouldBe(TenantStatus.Trialing);
        subscription.TenantStatusAt(Start.AddDays(14), Grace).ShouldBe(TenantStatus.ReadOnly);
    }

    [Fact]
    public void Paying_during_or_after_the_trial_makes_the_tenant_active()
    {
        var subscription = NewTrial();
        subscription.Activate(Standard, BillingInterval.Monthly, PaymentProvider.Stripe, Start.AddDays(20), Start.AddDays(50));

        subscription.TenantStatusAt(Start.AddDays(21), Grace).ShouldBe(TenantStatus.Active);
        subscription.PlanId.ShouldBe(Standard);
    }

    [Fact]
    public void A_failed_payment_gives_a_grace_period_then_read_only_and_payment_restores_active()
    {
        var subscription = NewTrial();
        subscription.Activate(Standard, BillingInterval.Monthly, PaymentProvider.Stripe, Start, Start.AddMonths(1));
        var failedAt = Start.AddMonths(1);

        subscription.MarkPastDue(failedAt);
        subscription.MarkPastDue(failedAt.AddDays(3)); // a second failure does not restart the grace period

        subscription.TenantStatusAt(failedAt.AddDays(6), Grace).ShouldBe(TenantStatus.PastDue);
        subscription.GraceEndsAt(failedAt.AddDays(6), Grace).ShouldBe(failedAt + Grace);
        subscription.TenantStatusAt(failedAt.AddDays(7), Grace).ShouldBe(TenantStatus.ReadOnly);

        subscription.Activate(Standard, BillingInterval.Monthly, PaymentProvider.Stripe, failedAt.AddDays(8), failedAt.AddDays(8).AddMonths(1));
        subscription.TenantStatusAt(failedAt.AddDays(8), Grace).ShouldBe(TenantStatus.Active);
    }

    [Fact]
    public void A_period_that_ends_without_renewal_is_past_due_for_the_grace_period()
    {
        var subscription = NewTrial();
        subscription.Activate(Standard, BillingInterval.Yearly, PaymentProvider.BankTransfer, Start, Start.AddYears(1));

        subscription.TenantStatusAt(Start.AddYears(1).AddDays(1), Grace).ShouldBe(TenantStatus.PastDue);
        subscription.TenantStatusAt(Start.AddYears(1).AddDays(7), Grace).ShouldBe(TenantStatus.ReadOnly);
    }

    [Fact]
    public void Cancelling_at_period_end_keeps_the_tenant_active_until_the_end_then_read_only()
    {
        var subscription = NewTrial();
        subscription.Activate(Standard, BillingInterval.Monthly, PaymentProvider.Stripe, Start, Start.AddMonths(1));
        subscription.SetCancelAtPeriodEnd(true);

        subscription.TenantStatusAt(Start.AddDays(29), Grace).ShouldBe(TenantStatus.Active);
        subscription.TenantStatusAt(Start.AddMonths(1), Grace).ShouldBe(TenantStatus.ReadOnly);
    }

    [Fact]
    public void The_operators_suspension_wins_over_the_subscription()
    {
        var tenant = TestTenants.Suspended();
        var subscription = Subscription.StartTrial(tenant.Id, Trial, Start.AddDays(14), Start);
        subscription.Activate(Standard, BillingInterval.Monthly, PaymentProvider.Stripe, Start, Start.AddMonths(1));

        TenantLifecycle.Apply(tenant, subscription, Start.AddDays(1), Grace);

        tenant.Status.ShouldBe(TenantStatus.Suspended);
        tenant.PlanId.ShouldBe(Standard);
    }
}
