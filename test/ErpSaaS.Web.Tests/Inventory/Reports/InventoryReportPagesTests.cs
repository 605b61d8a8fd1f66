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
        expiring.QuerySelectorAll("#report-tabs a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/app/inventory/value", "/app/inventory/reports/slow-moving", "/app/inventory/reports/expiring-batches"]);

        var refused = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/inventory/reports/slow-moving?Days=0"));
        refused.QuerySelector("[data-valmsg-for='Days']")!.TextContent.ShouldBe(T("Error:StockAlerts:DaysInvalid", "en", 1, 3650));
        var csv = await (await client.GetAsync("/app/inventory/reports/expiring-batches?handler=Export&Days=3650")).Content.ReadAsStringAsync();
        csv.ShouldContain("MILK,Milk,WH01,B1,2027-01-01");
    }
}
