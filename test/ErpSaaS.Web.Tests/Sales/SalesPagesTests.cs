using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Sales;

/// <summary>A salesperson sells from the pages: order, confirmation, delivery picked by scanning, invoice and receipt.</summary>
public sealed class SalesPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
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

    private static Dictionary<string, string?> OrderFields(StockDocumentPages acme, Guid customer, string product, string quantity) => new()
    {
        ["Input.CustomerId"] = customer.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
        ["Input.Lines[0].Product"] = product, ["Input.Lines[0].Quantity"] = quantity, ["Input.Lines[0].UnitPrice"] = "5",
    };

    [Fact]
    public async Task An_order_is_sold_delivered_by_scanning_invoiced_and_paid_from_the_pages_with_the_stock_right_at_each_step()
    {
        var (acme, customer) = await ShopAsync();
        var form = await acme.PageAsync("/app/sales/orders/create");

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync("/app/sales/orders/create", form, "#order-form", OrderFields(acme, customer, "NOPE", "8")));
        var created = await acme.SubmitAsync("/app/sales/orders/create", refused, "#order-form", OrderFields(acme, customer, "P-1", "8"));
        var orderUrl = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var confirmed = await acme.PageAsync(orderUrl);
        var delivering = await acme.SubmitAsync(orderUrl, confirmed, "#deliver-form", new Dictionary<string, string?> { ["Delivery.Lines[0].Quantity"] = "5" });
        var deliveryUrl = delivering.Headers.Location!.OriginalString;
        var scanned = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#scan-form",
            new Dictionary<string, string?> { ["Scan.Barcode"] = "6901234567892", ["Scan.Quantity"] = "5" }));
        var pickList = await acme.PageAsync(deliveryUrl + "/pick-list");
        await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#post-form");
        var afterDelivery = await acme.PageAsync(orderUrl);
        var invoicing = await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#invoice-form");
        var invoiceUrl = invoicing.Headers.Location!.OriginalString;
        await acme.SubmitAsync(invoiceUrl, await acme.PageAsync(invoiceUrl), "#receipt-form", new Dictionary<string, string?> { ["Receipt.Amount"] = "10.00" });
        var invoice = await acme.PageAsync(invoiceUrl);
        var list = await acme.PageAsync("/app/sales/orders?Search=C1");
        using var export = await acme.Client.GetAsync(new Uri("/app/sales/orders?handler=Export&format=csv", UriKind.Relative));

        refused.QuerySelector("[data-valmsg-for='Input.Lines[0].Product']")!.TextContent.Trim().ShouldBe(T("Error:Sales:ProductUnknown", "en", "NOPE"));
        refused.QuerySelector("[name='Input.Lines[0].Quantity']")!.GetAttribute("value").ShouldBe("8");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Confirmed");
        confirmed.QuerySelector("#lines [data-reserved]")!.TextContent.Trim().ShouldBe("8");
        scanned.QuerySelector("#last-scan")!.TextContent.ShouldBe(T("Sales:Scanned", "en", "P-1", "5", "5"));
        pickList.QuerySelector("#pick-list tbody")!.TextContent.ShouldContain("P-1");
        afterDelivery.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("PartiallyDelivered");
        (afterDelivery.QuerySelector("#to-deliver")!.TextContent, afterDelivery.QuerySelector("#lines [data-reserved]")!.TextContent.Trim()).ShouldBe(("3", "3"));
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 15m, 45.00m)]);
        invoice.QuerySelector("#receipts tbody")!.TextContent.ShouldContain("10.00");
        invoice.QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("PartiallyReceived");
        list.QuerySelectorAll("#orders tbody tr").Length.ShouldBe(1);
        (export.StatusCode, (await export.Content.ReadAsStringAsync()).Contains("C1", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.OK, true));
    }

    [Fact]
    public async Task A_line_short_on_stock_is_refused_on_confirmation_with_what_is_available_and_the_order_stays_a_draft()
    {
        var (acme, customer) = await ShopAsync();
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", OrderFields(acme, customer, "P-1", "25"));
        var orderUrl = created.Headers.Location!.OriginalString;

        var refused = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form"));

        refused.QuerySelector("[data-valmsg-for='Input.Lines[0].Quantity']")!.TextContent.Trim().ShouldBe(T("Error:Sales:InsufficientStockNoSupply", "en", "P-1", "25", "20", "5"));
        refused.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        refused.QuerySelector("#availability [data-short]")!.TextContent.ShouldBe("5");
    }

    [Fact]
    public async Task Another_company_gets_404_for_every_sales_page_of_a_document_it_does_not_own()
    {
        var (acme, customer) = await ShopAsync();
        var (globex, _) = await ShopAsync();
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", OrderFields(acme, customer, "P-1", "4"));
        var orderUrl = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var deliveryUrl = (await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#deliver-form")).Headers.Location!.OriginalString;
        await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#post-form");
        var invoiceUrl = (await acme.SubmitAsync(deliveryUrl, await acme.PageAsync(deliveryUrl), "#invoice-form")).Headers.Location!.OriginalString;

        foreach (var url in new[] { orderUrl, deliveryUrl, deliveryUrl + "/pick-list", invoiceUrl })
        {
            using var response = await globex.Client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await globex.PageAsync("/app/sales/orders")).QuerySelectorAll("#orders tbody tr a").Length.ShouldBe(0);
        (await globex.PageAsync("/app/sales/invoices")).QuerySelectorAll("#invoices tbody tr a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Another_company_gets_404_when_it_posts_the_amendment_of_an_order_it_does_not_own()
    {
        var (acme, customer) = await ShopAsync();
        var (globex, _) = await ShopAsync();
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", OrderFields(acme, customer, "P-1", "4"));
        var orderUrl = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(orderUrl, await acme.PageAsync(orderUrl), "#confirm-form");
        var version = (await acme.PageAsync(orderUrl)).QuerySelector("#amend-form [name='Amend.Version']")!.GetAttribute("value")!;

        (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/sales/orders/create", orderUrl + "?handler=Amend", ("Amend.Reason", "mine now"), ("Amend.Version", version)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var untouched = await acme.PageAsync(orderUrl);
        untouched.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Confirmed");
        untouched.QuerySelector("#amended-by").ShouldBeNull();
    }

    [Fact]
    public async Task A_quotation_saved_from_its_page_becomes_a_draft_order_in_one_click()
    {
        var (acme, customer) = await ShopAsync();
        var fields = OrderFields(acme, customer, "P-1", "6");
        fields["Input.ValidUntil"] = "2099-12-31";

        var created = await acme.SubmitAsync("/app/sales/quotations/create", await acme.PageAsync("/app/sales/quotations/create"), "#quotation-form", fields);
        var quotationUrl = created.Headers.Location!.OriginalString;
        var converting = await acme.SubmitAsync(quotationUrl, await acme.PageAsync(quotationUrl), "#convert-form");
        var order = await acme.PageAsync(converting.Headers.Location!.OriginalString);
        var quotation = await acme.PageAsync(quotationUrl);

        order.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        decimal.Parse(order.QuerySelector("[name='Input.Lines[0].Quantity']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(6m);
        quotation.QuerySelector("#quotation-header [data-status]")!.GetAttribute("data-status").ShouldBe("Converted");
        (await acme.PageAsync("/app/sales/quotations")).QuerySelectorAll("#quotations tbody tr a").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_confirmed_order_is_amended_from_its_page_into_a_draft_copy_that_links_back_and_the_reason_is_asked_for_in_each_language()
    {
        var (acme, customer) = await ShopAsync();
        var created = await acme.SubmitAsync("/app/sales/orders/create", await acme.PageAsync("/app/sales/orders/create"), "#order-form", OrderFields(acme, customer, "P-1", "8"));
        var orderUrl = created.Headers.Location!.OriginalString;
        var draft = await acme.PageAsync(orderUrl);
        draft.QuerySelector("#amend-form").ShouldBeNull();
        await acme.SubmitAsync(orderUrl, draft, "#confirm-form");
        var confirmed = await acme.PageAsync(orderUrl);

        var noReason = await acme.SubmitAsync(orderUrl, confirmed, "#amend-form");
        var refused = await AdminPagesFactory.HtmlAsync(noReason);
        var chinese = await AdminPagesFactory.HtmlAsync(await acme.SubmitAsync(orderUrl, confirmed, "#amend-form",
            headers: new Dictionary<string, string> { ["Cookie"] = ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans" }));
        var stillConfirmed = await acme.PageAsync(orderUrl);
        var amended = await acme.SubmitAsync(orderUrl, stillConfirmed, "#amend-form", new Dictionary<string, string?> { ["Amend.Reason"] = "Customer wants 10" });
        var copyUrl = amended.Headers.Location!.OriginalString;
        var copy = await acme.PageAsync(copyUrl);
        var original = await acme.PageAsync(orderUrl);

        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.QuerySelector("#amend-form [data-valmsg-for='Amend.Reason']")!.TextContent.Trim().ShouldBe(T("Error:Sales:AmendReasonRequired", "en"));
        chinese.QuerySelector("#amend-form [data-valmsg-for='Amend.Reason']")!.TextContent.Trim().ShouldBe(T("Error:Sales:AmendReasonRequired", "zh-Hans"));
        chinese.QuerySelector("#amend-form button")!.TextContent.Trim().ShouldBe(T("Sales:Amend", "zh-Hans"));
        refused.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Confirmed");
        stillConfirmed.QuerySelector("#lines [data-reserved]")!.TextContent.Trim().ShouldBe("8");
        amended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        copy.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        copy.QuerySelector("#amends a")!.GetAttribute("href").ShouldBe(orderUrl);
        copy.QuerySelector("#total")!.TextContent.ShouldBe(confirmed.QuerySelector("#total")!.TextContent);
        decimal.Parse(copy.QuerySelector("[name='Input.Lines[0].Quantity']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(8m);
        copy.QuerySelector("#amend-form").ShouldBeNull();
        original.QuerySelector("#order-header [data-status]")!.GetAttribute("data-status").ShouldBe("Cancelled");
        original.QuerySelector("#amended-by a")!.GetAttribute("href").ShouldBe(copyUrl);
        original.QuerySelector("#amend-form").ShouldBeNull();
        original.QuerySelector("#lines [data-reserved]")!.TextContent.Trim().ShouldBe("0");
        original.QuerySelector("#timeline")!.TextContent.ShouldContain("Customer wants 10");
    }

    [Fact]
    public async Task The_sales_pages_speak_chinese_to_a_chinese_user()
    {
        var (acme, _) = await ShopAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/app/sales/orders", UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        var page = await AdminPagesFactory.HtmlAsync(await acme.Client.SendAsync(request));

        page.QuerySelector("#orders thead")!.TextContent.ShouldContain(T("Sales:Customer", "zh-Hans"));
        page.Body!.TextContent.ShouldContain(T("Sales:OrdersHint", "zh-Hans"));
    }
}
