using System.Net;
using ErpSaaS.Identity;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory.Alerts;

public sealed class StockAlertPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    public static readonly string[] Pages =
    [
        "/app/inventory/alerts", "/app/inventory/replenishment", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches",
    ];

    private static Dictionary<string, string> Counts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#alert-counts [data-count]").ToDictionary(e => e.GetAttribute("data-count")!, e => e.TextContent.Trim());

    [Fact]
    public async Task The_alerts_panel_counts_each_kind_lists_the_alerts_and_filters_by_kind()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var client = factory.ClientFor(acme.Tenant, acme.Admin);

        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/alerts"));

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("StockAlerts:Title")]);
        Counts(page).ShouldBe(new Dictionary<string, string>
        {
            ["BelowSafetyStock"] = "1", ["BelowReorderPoint"] = "1", ["OverMaximum"] = "0", ["SlowMoving"] = "0", ["ExpiringBatch"] = "0",
        });
        page.QuerySelectorAll("#alerts tbody tr").Select(r => r.GetAttribute("data-kind")).ShouldBe(["BelowSafetyStock", "BelowReorderPoint"]);
        page.QuerySelectorAll("#alerts tbody tr td:nth-child(2) a").Select(a => (a.TextContent, a.GetAttribute("href")!.StartsWith("/app/inventory/stock/", StringComparison.Ordinal)))
            .ShouldBe([("LOW", true), ("LOW", true)]);

        var reorder = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/alerts?Kind=BelowReorderPoint"));
        reorder.QuerySelectorAll("#alerts tbody tr").Select(r => r.GetAttribute("data-kind")).ShouldBe(["BelowReorderPoint"]);
        reorder.QuerySelector("#alerts a[href='/app/inventory/replenishment?Search=LOW']")!.TextContent.ShouldBe(T("StockAlerts:SeeSuggestion"));

        var csv = await (await client.GetAsync("/app/inventory/alerts?handler=Export&Kind=BelowSafetyStock")).Content.ReadAsStringAsync();
        csv.ShouldContain(T("StockAlerts:Kind:BelowSafetyStock"));
        csv.ShouldContain("Low runner");
    }

    [Fact]
    public async Task Changing_the_thresholds_shows_a_bad_value_next_to_its_field_and_a_good_one_brings_slow_movers_and_expiring_batches()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var client = factory.ClientFor(acme.Tenant, acme.Admin);

        var refused = await AdminPagesFactory.PostFormAsync(client, "/app/inventory/alerts", "/app/inventory/alerts?handler=Settings",
            ("Input.SlowMovingDays", "0"), ("Input.ExpiryWarningDays", "30"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AdminPagesFactory.HtmlAsync(refused)).QuerySelector("[data-valmsg-for='Input.SlowMovingDays']")!.TextContent
            .ShouldBe(T("Error:StockAlerts:DaysInvalid", "en", 1, 3650));

        var saved = await AdminPagesFactory.PostFormAsync(client, "/app/inventory/alerts", "/app/inventory/alerts?handler=Settings",
            ("Input.SlowMovingDays", "1"), ("Input.ExpiryWarningDays", "3650"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/alerts"));
        Counts(page)["SlowMoving"].ShouldBe("2");
        Counts(page)["ExpiringBatch"].ShouldBe("1");
        page.QuerySelector("#alert-settings input[name='Input.SlowMovingDays']")!.GetAttribute("value").ShouldBe("1");
    }

    [Fact]
    public async Task The_replenishment_page_suggests_whole_boxes_and_exports_them()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var client = factory.ClientFor(acme.Tenant, acme.Admin);

        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/replenishment"));

        var row = page.QuerySelector("#suggestions tr[data-product='LOW']")!;
        row.QuerySelector(".suggested strong")!.TextContent.Trim().ShouldBe("24 PCS");
        row.QuerySelector(".suggested div")!.TextContent.Trim().ShouldBe(T("StockAlerts:InPacks", "en", "2", "BOX", "12"));
        page.QuerySelectorAll("#suggestions tbody tr[data-product]").Length.ShouldBe(1);
        var csv = await (await client.GetAsync("/app/inventory/replenishment?handler=Export")).Content.ReadAsStringAsync();
        csv.ShouldContain(T("StockAlerts:SuggestedQuantity"));
        csv.ShouldContain("LOW,Low runner,PCS,3");
    }

    [Fact]
    public async Task Another_company_sees_none_of_the_first_companys_alerts_suggestions_reports_or_exports()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var globexTenant = await factory.Data.Given.Tenant("alp-other-" + Guid.NewGuid().ToString("N")[..6]);
        var globexAdmin = await factory.Data.Given.User(globexTenant, "admin", StaticRoles.Admin);
        var globex = factory.ClientFor(globexTenant, globexAdmin);

        var alerts = await AdminPagesFactory.HtmlAsync(await globex.GetAsync("/app/inventory/alerts"));
        Counts(alerts).Values.ShouldAllBe(count => count == "0");
        foreach (var url in Pages)
        {
            var response = await globex.GetAsync(url + "?Days=3650&Search=LOW");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Low runner");
            var csv = await (await globex.GetAsync(url + "?handler=Export")).Content.ReadAsStringAsync();
            csv.ShouldNotContain("LOW");
            csv.ShouldNotContain("MILK");
        }
        (await (await factory.ClientFor(acme.Tenant, acme.Admin).GetAsync("/app/inventory/replenishment?handler=Export")).Content.ReadAsStringAsync()).ShouldContain("LOW");
    }

    [Fact]
    public async Task A_user_without_the_inventory_permission_is_forbidden_every_page_and_does_not_see_the_menu_items()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var accountant = await factory.Data.Given.User(acme.Tenant, "acct-" + Guid.NewGuid().ToString("N")[..4], StaticRoles.Accountant);
        await factory.Data.InScopeAsync(acme.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.IsInRoleAsync((await users.FindByIdAsync(accountant.ToString()))!, StaticRoles.Viewer)).ShouldBeFalse();
        });
        var client = factory.ClientFor(acme.Tenant, accountant);

        foreach (var url in Pages)
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync(url + "?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var home = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/"));
        home.QuerySelector("a[href^='/app/inventory']").ShouldBeNull();
        var adminHome = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(acme.Tenant, acme.Admin).GetAsync("/"));
        adminHome.QuerySelector("a[href='/app/inventory/alerts']").ShouldNotBeNull();
    }
}
