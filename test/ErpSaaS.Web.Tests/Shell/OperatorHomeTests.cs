using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Shell;

public sealed class OperatorHomeTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    [Fact]
    public async Task The_operator_home_counts_tenants_by_status()
    {
        await fixture.Given.Tenant("trial-one", PlanCodes.Trial, trial: true);
        await fixture.Given.Tenant("trial-two", PlanCodes.Trial, trial: true);
        await fixture.Given.Tenant("paying", PlanCodes.Standard);
        var suspended = await fixture.Given.Tenant("suspended", PlanCodes.Starter);
        await fixture.InScopeAsync(null, async sp =>
        {
            (await sp.GetRequiredService<ITenantRepository>().FindAsync(suspended))!.ChangeStatus(TenantStatus.Suspended);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        using var browser = fixture.Web.Browser();

        var home = await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);

        int Count(TenantStatus status) => int.Parse(home.Document.QuerySelector($"#operator-home [data-status='{status}']")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture);
        Count(TenantStatus.Trialing).ShouldBe(2);
        Count(TenantStatus.Active).ShouldBe(1);
        Count(TenantStatus.Suspended).ShouldBe(1);
        Count(TenantStatus.PastDue).ShouldBe(0);
        home.Document.QuerySelectorAll("#quick-links a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/host/tenants", "/host/jobs", "/host/mailbox", "/host/audit", "/host/billing/payments", "/host/plans", "/host/billing", "/host/billing/webhooks"]);
    }
}
