using System.Net;
using AngleSharp.Html.Dom;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Purchasing;

/// <summary>
/// The warehouse keeper receives without buying: the receipts page lists the approved orders waiting for goods, and
/// the keeper receives against one, scans and posts; ordering, approving and invoicing stay the purchaser's.
/// </summary>
public sealed class ReceivingPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    [Fact]
    public async Task The_keeper_receives_an_approved_order_by_scanning_but_cannot_open_or_change_orders()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var supplier = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            (await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct)).Id));
        var created = await acme.SubmitAsync("/app/purchasing/orders/create", await acme.PageAsync("/app/purchasing/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.SupplierId"] = supplier.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = "3", ["Input.Lines[0].UnitPrice"] = "2",
        });
        var order = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(order);
        var number = draft.QuerySelector("#document-number")!.TextContent;
        var keeperId = await factory.Data.Given.User(acme.Tenant, "keeper-" + Guid.NewGuid().ToString("N")[..4], StaticRoles.WarehouseKeeper);
        var keeper = factory.ClientFor(acme.Tenant, keeperId);

        // A draft is not there to receive yet; once approved it is.
        (await AdminPagesFactory.HtmlAsync(await keeper.GetAsync("/app/purchasing/receipts"))).QuerySelector("#receivable-orders").ShouldBeNull();
        await acme.SubmitAsync(order, draft, "#submit-form");
        var receipts = await AdminPagesFactory.HtmlAsync(await keeper.GetAsync("/app/purchasing/receipts"));
        var row = receipts.QuerySelector($"#receivable-orders tr[data-order='{number}']")!;
        var receiveLink = row.QuerySelector("a")!.GetAttribute("href")!;
        var menu = receipts.QuerySelectorAll("#main-menu a[href^='/app/purchasing/']").Select(a => a.GetAttribute("href")).ToList();
        menu.ShouldBe(["/app/purchasing/receipts"]);

        async Task<IHtmlDocument> KeeperPageAsync(string url) => await AdminPagesFactory.HtmlAsync(await keeper.GetAsync(url));
        var saved = await acme.SubmitAsync(receiveLink, await KeeperPageAsync(receiveLink), "#receipt-form",
            new Dictionary<string, string?> { ["Input.Lines[0].AcceptedQuantity"] = "2" }, client: keeper);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var receipt = saved.Headers.Location!.OriginalString;
        (await acme.SubmitAsync(receipt, await KeeperPageAsync(receipt), "#scan-form", new Dictionary<string, string?> { ["Scan.Barcode"] = "6901234567892" }, client: keeper))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await acme.SubmitAsync(receipt, await KeeperPageAsync(receipt), "#post-form", client: keeper)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 3m, 6.00m)]);
        (await acme.PageAsync(order)).QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("ToInvoice");
        foreach (var url in new[] { order, "/app/purchasing/orders", "/app/purchasing/orders/create", "/app/purchasing/invoices" })
        {
            (await keeper.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
    }
}
