using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

/// <summary>Returns from a delivery's page, and a short order's "raise purchase requisition" button, from the pages.</summary>
public sealed class SalesReturnPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>The stock document company with 20 × P-1 in WH01 at 3.00 and customer C1.</summary>
    private async Task<(StockDocumentPages Acme, Guid Customer)> ShopAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var customer = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var id = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(), Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouses["WH01"], Quantity = 20m, UnitCost = 3m }],
            });
            await openings.PostAsync(id, new StockDocumentActionInput { Version = (await openings.GetAsync(id)).Header.Version });
            return await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var c1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("C1", "Customer One", "CNY", ct);
                c1.ChangeCreditTerms(1_000_000m, 30);
                return c1.Id;
            });
        });
        return (acme, customer);
    }

    private static async Task<string> OrderAsync(StockDocumentPages acme, Guid customer, string quantity)
    {
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.CustomerId"] = customer.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = quantity, ["Input.Lines[0].UnitPrice"] = "5",
        });
        return created.Headers.Location!.OriginalString;
    }

    /// <summary>An order of 8 confirmed and delivered in full: 12 left in WH01.</summary>
    private static async Task<string> DeliveredAsync(StockDocumentPages acme, Guid customer)
    {
        var orderUrl = await OrderAsync(acme, customer, "8");
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var deliveryUrl = (await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#deliver-form")).Headers.Location!.OriginalString;
        await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#post-form");
        return deliveryUrl;
    }

    [Fact]
    public async Task Goods_come_back_from_the_delivery_page_and_more_than_was_delivered_is_refused_next_to_the_line()
    {
        var (acme, customer) = await ShopAsync();
        var deliveryUrl = await DeliveredAsync(acme, customer);
        var delivery = await acme.PageAsync(deliveryUrl);
        var createUrl = delivery.QuerySelector("#return-link")!.GetAttribute("href")!;
        var form = await acme.PageAsync(createUrl);

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(createUrl, form, "#return-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Quantity"] = "9", ["Input.Reason"] = "Wrong colour", ["Input.Destination"] = "OriginalWarehouse",
        }));
        var posted = await acme.SubmitAsync(createUrl, refused, "#return-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Quantity"] = "3", ["Input.Reason"] = "Wrong colour", ["Input.Destination"] = "OriginalWarehouse",
        });
        var returnUrl = posted.Headers.Location!.OriginalString;
        var page = await acme.PageAsync(returnUrl);
        var list = await acme.PageAsync("/app/sales/returns?Status=OriginalWarehouse");
        using var export = await acme.Client.GetAsync(new Uri("/app/sales/returns?handler=Export&format=csv", UriKind.Relative));

        refused.QuerySelector("[data-valmsg-for='Input.Lines[0].Quantity']")!.TextContent.Trim().ShouldBe(T("Error:Sales:ReturnExceedsDelivered", "en", 1, 8));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("#destination")!.TextContent.ShouldContain("WH01");
        page.QuerySelector("#return-lines tbody")!.TextContent.ShouldContain("P-1");
        // 20 − 8 delivered + 3 back at the 3.00 they left at.
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 15m, 45.00m)]);
        list.QuerySelectorAll("#returns tbody tr a").Length.ShouldBe(1);
        (export.StatusCode, (await export.Content.ReadAsStringAsync()).Contains("Wrong colour", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.OK, true));
    }

    [Fact]
    public async Task A_short_order_offers_the_requisition_button_and_the_requisition_links_back_to_the_order()
    {
        var (acme, customer) = await ShopAsync();
        var orderUrl = await OrderAsync(acme, customer, "25");
        // Open purchase supply that covers the shortage, but only long after the promised date.
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            await sp.GetRequiredService<IStockSupplies>().ExpectAsync(new StockSupplyRequest
            {
                SourceType = "PurchaseOrder", SourceId = Guid.NewGuid(), SourceNumber = "PO-LATE", SourceLine = 1,
                ProductId = (await sp.GetRequiredService<IStockDocumentLookups>().FindProductAsync("P-1", ct))!.Id, WarehouseId = acme.Warehouses["WH01"], Kind = StockSupplyKind.OnOrder, Quantity = 10m,
                DueOn = new DateOnly(2099, 1, 1),
            }, ct);
            return true;
        }));
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var before = await acme.PageAsync(orderUrl);

        var raised = await acme.SubmitAsync(orderUrl, before, "#raise-requisitions-form");
        var after = await acme.PageAsync(orderUrl);
        var requisitionUrl = after.QuerySelector("#short-lines a")!.GetAttribute("href")!;
        var requisition = await acme.PageAsync(requisitionUrl);

        before.QuerySelector("#short-lines [data-line='1']")!.TextContent.ShouldContain("5");
        before.QuerySelector("#availability .late-supply")!.TextContent.ShouldContain("2099-01-01");
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.QuerySelector("#raise-requisitions-form").ShouldBeNull();
        requisition.QuerySelector("#raised-for a")!.GetAttribute("href").ShouldBe(orderUrl);
        requisition.QuerySelector("#lines tbody")!.TextContent.ShouldContain("P-1");
    }

    [Fact]
    public async Task Another_company_gets_404_for_a_return_and_for_returning_a_delivery_it_does_not_own()
    {
        var (acme, customer) = await ShopAsync();
        var (globex, _) = await ShopAsync();
        var deliveryUrl = await DeliveredAsync(acme, customer);
        var createUrl = (await acme.PageAsync(deliveryUrl)).QuerySelector("#return-link")!.GetAttribute("href")!;
        var returnUrl = (await acme.SubmitAsync(createUrl, await acme.PageAsync(createUrl), "#return-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Quantity"] = "1", ["Input.Reason"] = "Broken", ["Input.Destination"] = "OriginalWarehouse",
        })).Headers.Location!.OriginalString;

        foreach (var url in new[] { returnUrl, createUrl })
        {
            using var response = await globex.Client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await globex.PageAsync("/app/sales/returns")).QuerySelectorAll("#returns tbody tr a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task The_returns_page_speaks_chinese_to_a_chinese_user()
    {
        var (acme, _) = await ShopAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/app/sales/returns", UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        var page = await AdminPagesFactory.HtmlAsync(await acme.Client.SendAsync(request));

        page.QuerySelector("#returns thead")!.TextContent.ShouldContain(T("Sales:ReturnDestination", "zh-Hans"));
        page.Body!.TextContent.ShouldContain(T("Sales:ReturnsHint", "zh-Hans"));
    }
}
