using ErpSaaS.Auditing;
using ErpSaaS.DataSeeding;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Shell;

public sealed class ShellTests(ProbeWebFixture fixture) : IClassFixture<ProbeWebFixture>
{
    private static string NewSlug() => $"shell-{Guid.NewGuid():N}"[..20];

    private static List<string> MenuLinks(ErpPage page) =>
        page.Document.QuerySelectorAll("#main-menu a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')).ToList();

    private async Task<(Guid TenantId, string Slug)> TenantAsync(string plan = PlanCodes.Professional, bool trial = false)
    {
        var slug = NewSlug();
        return (await fixture.Given.Tenant(slug, plan, trial), slug);
    }

    [Fact]
    public async Task A_tenant_admin_sees_the_administration_pages_and_no_operator_pages()
    {
        var (_, slug) = await TenantAsync();
        using var browser = fixture.Web.TenantBrowser(slug);

        var home = await browser.SignInAsync("admin", Given.Password);

        MenuLinks(home).ShouldBe(["/", "/app/catalog/products", "/app/catalog/categories", "/app/catalog/warehouses", "/app/catalog/units", "/app/catalog/tax-rates", "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates", "/app/imports",
            "/app/purchasing/requisitions", "/app/purchasing/orders", "/app/purchasing/receipts", "/app/purchasing/invoices", "/app/purchasing/returns", "/app/purchasing/supplier-performance", "/app/purchasing/tracking",
            "/app/inventory/stock", "/app/inventory/openings", "/app/inventory/transfers", "/app/inventory/adjustments", "/app/inventory/alerts", "/app/inventory/counts", "/app/inventory/replenishment", "/app/inventory/value", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches", "/app/inventory/verification",
            "/app/sales/quotations", "/app/sales/orders", "/app/sales/deliveries", "/app/sales/invoices", "/app/sales/returns", "/app/sales/tracking",
            "/probe/production", "/app/analytics/exceptions", "/app/approvals", "/app/approvals/delegations", "/app/approvals/flows", "/app/identity/users", "/app/identity/roles", "/app/settings", "/app/audit", "/app/billing"]);
        home.Document.QuerySelector("#main-menu")!.TextContent.ShouldContain(T("Menu:Group:Administration"));
    }

    [Theory]
    [InlineData(StaticRoles.Viewer, new[]
    {
        "/", "/app/catalog/products", "/app/catalog/categories", "/app/catalog/warehouses", "/app/catalog/units", "/app/catalog/tax-rates", "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates", "/app/imports",
        "/app/inventory/stock", "/app/inventory/openings", "/app/inventory/transfers", "/app/inventory/adjustments", "/app/inventory/alerts", "/app/inventory/counts", "/app/inventory/replenishment", "/app/inventory/value", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches", "/app/inventory/verification", "/probe/production",
        "/app/approvals", "/app/approvals/delegations",
    })]
    [InlineData(StaticRoles.Accountant, new[] { "/", "/app/catalog/products", "/app/catalog/categories", "/app/catalog/warehouses", "/app/catalog/units", "/app/catalog/tax-rates", "/app/catalog/customers", "/app/catalog/suppliers", "/app/catalog/price-lists", "/app/catalog/currencies", "/app/catalog/exchange-rates", "/app/imports", "/app/purchasing/requisitions", "/app/purchasing/orders", "/app/purchasing/receipts", "/app/purchasing/invoices", "/app/purchasing/returns", "/app/purchasing/supplier-performance", "/app/purchasing/tracking", "/app/sales/quotations", "/app/sales/orders", "/app/sales/deliveries", "/app/sales/invoices", "/app/sales/returns", "/app/sales/tracking", "/probe/production", "/app/analytics/exceptions", "/app/approvals", "/app/approvals/delegations", "/app/audit" })]
    public async Task Other_roles_see_only_the_entries_their_permissions_open(string role, string[] expected)
    {
        var (tenantId, slug) = await TenantAsync();
        await fixture.Given.User(tenantId, "colleague", role);
        using var browser = fixture.Web.TenantBrowser(slug);

        var home = await browser.SignInAsync("colleague", Given.Password);

        MenuLinks(home).ShouldBe(expected);
        home.Document.QuerySelector("#main-menu")!.TextContent.Contains(T("Menu:Group:Administration"), StringComparison.Ordinal)
            .ShouldBe(expected.Any(url => url.StartsWith("/app/", StringComparison.Ordinal) && !url.StartsWith("/app/catalog/", StringComparison.Ordinal)
                                         && url != "/app/imports"
                                         && !url.StartsWith("/app/approvals", StringComparison.Ordinal)
                                         && !url.StartsWith("/app/inventory/", StringComparison.Ordinal)));
        home.Document.QuerySelector("#main-menu")!.TextContent.ShouldContain(T("Menu:Group:Catalog"));
    }

    [Fact]
    public async Task A_menu_entry_needing_a_feature_hides_when_the_plan_lacks_it()
    {
        var (_, slug) = await TenantAsync(PlanCodes.Standard);
        using var browser = fixture.Web.TenantBrowser(slug);

        var home = await browser.SignInAsync("admin", Given.Password);

        MenuLinks(home).ShouldNotContain("/probe/production");
        MenuLinks(home).ShouldContain("/app/identity/users");
    }

    [Fact]
    public async Task The_operator_sees_the_platform_pages_and_no_tenant_pages()
    {
        using var browser = fixture.Web.Browser();

        var home = await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);

        MenuLinks(home).ShouldBe(["/", "/host/tenants", "/host/billing", "/host/billing/payments", "/host/plans", "/host/jobs", "/host/mailbox", "/host/audit", "/host/billing/webhooks"]);
    }

    [Fact]
    public async Task The_top_bar_has_the_company_the_user_menu_the_language_switch_and_the_theme_toggle()
    {
        var (_, slug) = await TenantAsync();
        using var browser = fixture.Web.TenantBrowser(slug);

        var home = await browser.SignInAsync("admin", Given.Password);

        home.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe($"{slug} admin");
        home.Document.QuerySelector("a[href='/account/profile']").ShouldNotBeNull();
        home.Document.QuerySelector("a[href='/account/two-factor']").ShouldNotBeNull();
        home.Document.QuerySelector("#sign-out-form").ShouldNotBeNull();
        home.Document.QuerySelectorAll("#language-switch button[name='culture']").Select(b => b.GetAttribute("value")).ShouldBe(["zh-Hans", "en"]);
        home.Document.QuerySelector("[data-erp-theme='dark']").ShouldNotBeNull();
        home.Document.QuerySelector("[hx-get='/shell/recent-activity']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Breadcrumbs_lead_from_home_to_the_page()
    {
        var (_, slug) = await TenantAsync();
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var page = await browser.GetAsync("/account/two-factor");

        page.Document.QuerySelectorAll("#breadcrumbs li").Select(li => li.TextContent.Trim())
            .ShouldBe([T("Menu:Home"), T("Account:ProfileTitle"), T("Shell:TwoFactor")]);
        page.Document.QuerySelector("#breadcrumbs a[href='/account/profile']").ShouldNotBeNull();
        page.Document.QuerySelector(".page-title")!.TextContent.ShouldBe(T("Shell:TwoFactor"));
        page.Document.Title.ShouldBe($"{T("Shell:TwoFactor")} · {page.Document.QuerySelector("#tenant-name")!.TextContent}");
    }

    [Fact]
    public async Task Recent_activity_lists_the_users_own_audited_actions_newest_first()
    {
        var (tenantId, slug) = await TenantAsync();
        var otherId = await fixture.Given.User(tenantId, "colleague");
        var adminId = await fixture.InScopeAsync(tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        var now = fixture.Clock.GetUtcNow();
        await fixture.InScopeAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            db.AuditLogs.Add(new AuditLog(adminId, "admin", null, "10.0.0.1", "POST", "/app/identity/users", now.AddMinutes(-30)));
            db.AuditLogs.Add(new AuditLog(adminId, "admin", null, "10.0.0.1", "DELETE", "/app/identity/roles/7", now.AddMinutes(-5)));
            db.AuditLogs.Add(new AuditLog(otherId, "colleague", null, "10.0.0.2", "PUT", "/app/settings", now.AddMinutes(-1)));
            await db.SaveChangesAsync();
        });
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var activity = await browser.GetAsync("/shell/recent-activity");

        var entries = activity.Document.QuerySelectorAll("[data-activity]").Select(e => e.TextContent).ToList();
        entries.Count.ShouldBe(2);
        entries[0].ShouldContain(T("Shell:Activity:DELETE"));
        entries[0].ShouldContain("/app/identity/roles/7");
        entries[1].ShouldContain("/app/identity/users");
        activity.Text.ShouldNotContain("/app/settings");
    }

    [Fact]
    public async Task Recent_activity_says_so_when_there_is_none()
    {
        var (_, slug) = await TenantAsync();
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var activity = await browser.GetAsync("/shell/recent-activity");

        activity.Document.QuerySelector("#no-recent-activity")!.TextContent.ShouldBe(T("Shell:NoRecentActivity"));
    }

    [Fact]
    public async Task An_htmx_request_after_the_session_ended_makes_the_page_go_to_sign_in()
    {
        using var browser = fixture.Web.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/shell/recent-activity", UriKind.Relative));
        request.Headers.Add("HX-Request", "true");

        using var response = await browser.Client.SendAsync(request);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Headers.GetValues("HX-Redirect").Single().ShouldStartWith("http://localhost/account/login?ReturnUrl=");
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }
}
