using ErpSaaS.Billing;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Billing;

public sealed class BillingFiguresTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task The_operator_sees_tenants_by_status_mrr_and_the_trial_to_paid_conversion()
    {
        var operatorId = await fixture.Given.Operator();
        // Other tests of this class add tenants too: compare with the figures before this one's.
        var before = await fixture.AsUserAsync(null, operatorId, sp => sp.GetRequiredService<IBillingAdminAppService>().GetFiguresAsync());
        await fixture.Given.Tenant("paid-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Professional); // paid yearly
        await fixture.Given.Tenant("idle-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Trial, trial: true);
        var converting = await fixture.Given.Tenant("conv-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Trial, trial: true);
        var admin = await fixture.InScopeAsync(converting, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        var standard = await fixture.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Standard))!.Id);
        var order = await fixture.AsUserAsync(converting, admin, sp => sp.GetRequiredService<IBillingAppService>().StartBankTransferAsync(standard, BillingInterval.Monthly));
        await fixture.AsUserAsync(null, operatorId, sp => sp.GetRequiredService<IBillingAdminAppService>()
            .MarkPaidAsync(order.OrderId, new MarkPaidInput(order.Amount, DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime), "BANK-1")));

        var figures = await fixture.AsUserAsync(null, operatorId, sp => sp.GetRequiredService<IBillingAdminAppService>().GetFiguresAsync());

        (figures.TenantsByStatus[TenantStatus.Active] - before.TenantsByStatus[TenantStatus.Active]).ShouldBe(2);
        (figures.TenantsByStatus[TenantStatus.Trialing] - before.TenantsByStatus[TenantStatus.Trialing]).ShouldBe(1);
        // Professional yearly 24,990 / 12 = 2,082.50, plus Standard monthly 899.
        (figures.Mrr - before.Mrr).ShouldBe(2082.50m + 899m);
        (figures.CreatedLast90Days - before.CreatedLast90Days, figures.PaidLast90Days - before.PaidLast90Days).ShouldBe((3, 1));
        figures.ConversionRate.ShouldBe(decimal.Round((decimal)figures.PaidLast90Days / figures.CreatedLast90Days, 4, MidpointRounding.AwayFromZero));
        figures.Weeks.Count.ShouldBe(12);
        (figures.Weeks[^1].NewTenants - before.Weeks[^1].NewTenants, figures.Weeks[^1].Conversions - before.Weeks[^1].Conversions).ShouldBe((3, 1));
    }

    [Fact]
    public async Task A_tenant_admin_cannot_read_the_platforms_figures()
    {
        var tenant = await fixture.Given.Tenant("figs-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await fixture.InScopeAsync(tenant, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);

        await Should.ThrowAsync<ErpSaaS.Common.AuthorizationException>(() =>
            fixture.AsUserAsync(tenant, admin, sp => sp.GetRequiredService<IBillingAdminAppService>().GetFiguresAsync()));
    }
}
