using System.Net;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Alerts;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Inventory.Reports;

public sealed class InventoryReportPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    private static string Total(AngleSharp.Html.Dom.IHtmlDocument page, string total) =>
        page.QuerySelector($"#report-totals [data-total='{total}']")!.TextContent.Trim();

    [Fact]
    public async Task Stock_value_at_a_date_lists_each_product_per_warehouse_with_totals_and_refuses_a_future_date_next_to_it()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var client = factory.ClientFor(acme.Tenant, acme.Admin);

        var before = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports?Date=2026-09-30"));
        Total(before, "value").ShouldBe("0.00");

        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports?Date=2026-10-01"));
        page.QuerySelectorAll("#report tbody tr td:first-child").Select(td => td.FirstChild!.TextContent.Trim()).ShouldBe(["LOW", "MILK"]);
        (Total(page, "quantity"), Total(page, "value")).ShouldBe(("8", "22.00"));
        page.QuerySelectorAll("#report-tabs a").Length.ShouldBe(3);

        var filtered = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports?Date=2026-10-01&Search=milk"));
        (Total(filtered, "quantity"), Total(filtered, "value")).ShouldBe(("5", "10.00"));

        var future = await client.GetAsync("/app/inventory/reports?Date=2099-01-01");
        future.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await AdminPagesFactory.HtmlAsync(future);
        refused.QuerySelector("[data-valmsg-for='Date']")!.TextContent.ShouldBe(T("Error:Inventory:ValueDateInFuture"));
        refused.QuerySelector("#report").ShouldBeNull();

        var csv = await (await client.GetAsync("/app/inventory/reports?handler=Export&Date=2026-10-01")).Content.ReadAsStringAsync();
        csv.ShouldContain("LOW,Low runner,WH01,3");
        csv.ShouldContain("MILK,Milk,WH01,5");
    }

    [Fact]
    public async Task The_slow_moving_and_expiring_reports_list_their_rows_and_show_bad_days_next_to_the_field()
    {
        var acme = await StockAlertsCompany.CreateAsync(factory);
        var client = factory.ClientFor(acme.Tenant, acme.Admin);

        var slow = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports/slow-moving?Days=1"));
        slow.QuerySelectorAll("#report tbody tr td:first-child a").Select(a => a.TextContent).ShouldBe(["LOW", "MILK"]);
        (Total(slow, "quantity"), Total(slow, "value")).ShouldBe(("8", "22.00"));
        slow.QuerySelectorAll("#report tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).ShouldAllBe(t => t == T("StockAlerts:NeverIssued"));

        var expiring = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports/expiring-batches?Days=3650"));
        expiring.QuerySelectorAll("#report tbody tr td:nth-child(3)").Select(td => td.TextContent).ShouldBe(["B1"]);
        expiring.QuerySelector("#report tbody tr td:nth-child(4)")!.TextContent.ShouldBe("2027-01-01");
        (await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports/expiring-batches"))).QuerySelectorAll("#report tbody tr td a").ShouldBeEmpty();

        var refused = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports/slow-moving?Days=0"));
        refused.QuerySelector("[data-valmsg-for='Days']")!.TextContent.ShouldBe(T("Error:StockAlerts:DaysInvalid", "en", 1, 3650));
        var csv = await (await client.GetAsync("/app/inventory/reports/expiring-batches?handler=Export&Days=3650")).Content.ReadAsStringAsync();
        csv.ShouldContain("MILK,Milk,WH01,B1,2027-01-01");
    }
}
