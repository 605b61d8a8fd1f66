using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Billing;

public sealed class BankTransferTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;
    private Guid _operator;
    private Guid _professional;

    public async Task InitializeAsync()
    {
        _acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Starter);
        _admin = await fixture.InScopeAsync(_acme, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        _operator = await fixture.Given.Operator();
        _professional = await fixture.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Professional))!.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsAdmin<T>(Func<IBillingAppService, Task<T>> work) =>
        fixture.AsUserAsync(_acme, _admin, sp => work(sp.GetRequiredService<IBillingAppService>()));

    private Task<T> AsOperator<T>(Func<IBillingAdminAppService, Task<T>> work) =>
        fixture.AsUserAsync(null, _operator, sp => work(sp.GetRequiredService<IBillingAdminAppService>()));

    private Task<BillingInvoiceDto> MarkPaid(Guid orderId, decimal amount) =>
        AsOperator(b => b.MarkPaidAsync(orderId, new MarkPaidInput(amount, DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime), "ICBC-778899")));

    [Fact]
    public async Task Confirming_a_bank_transfer_activates_the_plan_at_once_and_records_a_paid_invoice()
    {
        (await fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(ErpFeatures.Production))).ShouldBeFalse();
        var paidUntil = (await AsAdmin(b => b.GetOverviewAsync())).Subscription!.CurrentPeriodEnd!.Value;
        var order = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Monthly));

        var invoice = await MarkPaid(order.OrderId, order.Amount);

        order.Reference.ShouldMatch(@"^ERP-\d{8}-[A-Z2-7]{6}$");
        invoice.Number.ShouldMatch(@"^INV-2026-\d{5}$");
        (invoice.Status, invoice.Provider, invoice.Amount).ShouldBe((BillingInvoiceStatus.Paid, PaymentProvider.BankTransfer, order.Amount));
        var overview = await AsAdmin(b => b.GetOverviewAsync());
        overview.TenantStatus.ShouldBe(TenantStatus.Active);
        overview.CurrentPlanId.ShouldBe(_professional);
        overview.Subscription!.Status.ShouldBe(SubscriptionStatus.Active);
        // Paid while the current period still runs: the new month follows it.
        overview.Subscription.CurrentPeriodStart.ShouldBe(paidUntil);
        overview.Subscription.CurrentPeriodEnd.ShouldBe(paidUntil.AddMonths(1));
        overview.Invoices.Select(i => i.Number).ShouldBe([invoice.Number]);
        overview.PendingTransfers.ShouldBeEmpty();
        (await fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(ErpFeatures.Production))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_trial_paid_by_bank_transfer_starts_its_period_today()
    {
        var trial = await fixture.Given.Tenant("trial-" + Guid.NewGuid().ToString("N")[..6], trial: true);
        var admin = await fixture.InScopeAsync(trial, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        var order = await fixture.AsUserAsync(trial, admin, sp => sp.GetRequiredService<IBillingAppService>().StartBankTransferAsync(_professional, BillingInterval.Yearly));

        await MarkPaid(order.OrderId, order.Amount);

        var overview = await fixture.AsUserAsync(trial, admin, sp => sp.GetRequiredService<IBillingAppService>().GetOverviewAsync());
        (overview.TenantStatus, overview.Subscription!.Provider, overview.Subscription.Interval).ShouldBe((TenantStatus.Active, PaymentProvider.BankTransfer, BillingInterval.Yearly));
        overview.Subscription.CurrentPeriodStart.ShouldBe(fixture.Clock.GetUtcNow());
        overview.Subscription.CurrentPeriodEnd.ShouldBe(fixture.Clock.GetUtcNow().AddYears(1));
    }

    [Fact]
    public async Task A_transfer_already_confirmed_is_not_confirmed_twice()
    {
        var order = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Yearly));
        await MarkPaid(order.OrderId, order.Amount);

        var second = await Should.ThrowAsync<BusinessException>(() => MarkPaid(order.OrderId, order.Amount));

        second.Code.ShouldBe(ErrorCodes.BankTransferNotPending);
    }

    [Fact]
    public async Task Invoice_numbers_follow_each_other_without_gaps()
    {
        var first = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Monthly));
        var second = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Monthly));

        var a = await MarkPaid(first.OrderId, first.Amount);
        await Should.ThrowAsync<BusinessException>(() => AsOperator(b => b.MarkPaidAsync(second.OrderId, new MarkPaidInput(10m, new DateOnly(2026, 11, 2), " "))));
        var b = await MarkPaid(second.OrderId, second.Amount);

        int.Parse(b.Number[^5..]).ShouldBe(int.Parse(a.Number[^5..]) + 1);
    }

    [Fact]
    public async Task Marking_paid_names_the_field_that_is_wrong()
    {
        var order = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Monthly));

        var amount = await Should.ThrowAsync<BusinessException>(() => AsOperator(b => b.MarkPaidAsync(order.OrderId, new MarkPaidInput(0m, new DateOnly(2026, 11, 1), "X"))));
        var future = await Should.ThrowAsync<BusinessException>(() => AsOperator(b => b.MarkPaidAsync(order.OrderId, new MarkPaidInput(5m, new DateOnly(2027, 1, 1), "X"))));
        var reference = await Should.ThrowAsync<BusinessException>(() => AsOperator(b => b.MarkPaidAsync(order.OrderId, new MarkPaidInput(5m, new DateOnly(2026, 11, 1), ""))));

        (amount.Field, future.Field, reference.Field).ShouldBe(("Amount", "PaidOn", "BankReference"));
    }

    [Fact]
    public async Task A_pending_order_can_be_cancelled_once_and_only_by_its_company()
    {
        var order = await AsAdmin(b => b.StartBankTransferAsync(_professional, BillingInterval.Monthly));
        var other = await fixture.Given.Tenant("other-" + Guid.NewGuid().ToString("N")[..6]);
        var otherAdmin = await fixture.InScopeAsync(other, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);

        await Should.ThrowAsync<EntityNotFoundException>(() =>
            fixture.AsUserAsync(other, otherAdmin, sp => sp.GetRequiredService<IBillingAppService>().CancelBankTransferAsync(order.OrderId)));
        await AsAdmin(async b => { await b.CancelBankTransferAsync(order.OrderId); return true; });
        var again = await Should.ThrowAsync<BusinessException>(() => AsAdmin(async b => { await b.CancelBankTransferAsync(order.OrderId); return true; }));

        again.Code.ShouldBe(ErrorCodes.BankTransferNotPending);
        (await AsAdmin(b => b.GetOverviewAsync())).PendingTransfers.ShouldBeEmpty();
        await Should.ThrowAsync<BusinessException>(() => MarkPaid(order.OrderId, order.Amount));
    }

    [Fact]
    public async Task The_trial_plan_cannot_be_bought()
    {
        var trial = await fixture.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Trial))!.Id);

        var refused = await Should.ThrowAsync<BusinessException>(() => AsAdmin(b => b.StartBankTransferAsync(trial, BillingInterval.Monthly)));

        (refused.Field, refused.Code).ShouldBe(("PlanId", BillingErrorCodes.PlanNotAvailable));
    }

    [Fact]
    public async Task The_billing_overview_shows_active_users_against_the_plans_limit_and_the_plans_to_compare()
    {
        var overview = await AsAdmin(b => b.GetOverviewAsync());

        overview.Usage.Single(u => u.TextKey == "Billing:Usage:Users").ShouldBe(new UsageRowDto("Billing:Usage:Users", 1, 3));
        overview.Plans.Select(p => p.Code).ShouldBe([PlanCodes.Starter, PlanCodes.Standard, PlanCodes.Professional]);
        overview.CheckoutAvailable.ShouldBeFalse();
    }
}
