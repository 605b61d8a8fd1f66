using ErpSaaS.Features;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Shell;

public sealed class HomeTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug() => $"home-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task An_anonymous_visitor_of_the_main_domain_is_sent_to_sign_in()
    {
        using var browser = fixture.Web.Browser();

        var page = await browser.GetAsync("/");

        page.Url.AbsolutePath.ShouldBe("/account/login");
        page.Document.QuerySelector(ErpBrowser.LoginFormSelector).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_trial_company_sees_its_plan_status_days_left_and_users_against_the_limit()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug, PlanCodes.Trial, trial: true);
        await fixture.Given.User(tenantId, "buyer");
        using var browser = fixture.Web.TenantBrowser(slug);
        fixture.Clock.Advance(TimeSpan.FromDays(3.5));

        var home = await browser.SignInAsync("admin", Given.Password);

        home.Document.QuerySelector("#plan-name")!.TextContent.ShouldBe("Trial");
        home.Document.QuerySelector("#tenant-status")!.TextContent.Trim().ShouldBe(T("TenantStatus:Trialing"));
        home.Document.QuerySelector("#trial-days-left")!.TextContent.ShouldBe(T("Home:Days", "en", 11));
        home.Document.QuerySelector("#user-count")!.TextContent.ShouldBe("2 / 5");
        home.Document.QuerySelectorAll("#quick-links a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/app/inventory/stock", "/app/inventory/value", "/app/inventory/verification", "/app/identity/users", "/app/identity/roles", "/app/settings", "/app/audit", "/app/billing", "/app/catalog/products", "/app/catalog/categories", "/app/catalog/warehouses", "/app/catalog/units", "/app/catalog/tax-rates", "/app/inventory/alerts", "/app/inventory/replenishment", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches", "/app/imports", "/app/inventory/openings", "/app/inventory/transfers", "/app/inventory/adjustments", "/app/inventory/counts", "/app/sales/quotations", "/app/sales/orders", "/app/sales/deliveries", "/app/sales/invoices", "/app/sales/returns", "/app/sales/tracking", "/app/purchasing/requisitions", "/app/purchasing/orders", "/app/purchasing/receipts", "/app/purchasing/invoices", "/app/purchasing/returns", "/app/purchasing/supplier-performance", "/app/purchasing/tracking", "/app/approvals", "/app/approvals/delegations", "/app/approvals/flows", "/app/analytics/exceptions", "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates"]);
    }

    [Fact]
    public async Task A_paying_company_sees_no_trial_countdown_and_its_plans_name_in_chinese()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug, PlanCodes.Standard);
        using var browser = fixture.Web.TenantBrowser(slug);
        var home = await browser.SignInAsync("admin", Given.Password);

        var chinese = await browser.SubmitAsync(home, "#language-switch", submitSelector: "button[value='zh-Hans']");

        chinese.Document.QuerySelector("#trial-days-left").ShouldBeNull();
        chinese.Document.QuerySelector("#plan-name")!.TextContent.ShouldBe("标准版");
        chinese.Document.QuerySelector("#user-count")!.TextContent.ShouldBe("1 / 20");
    }
}
