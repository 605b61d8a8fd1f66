using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Purchasing;

/// <summary>
/// Invoices, payments, returns and supplier figures on the pages an accountant and a buyer use: received goods invoiced
/// from the order, paid in part with what is still to pay on the order, goods returned from the receipt, and the figures.
/// </summary>
public sealed class InvoicePagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>The stock pages' company with supplier S-1 and an approved order for 10 P-1 at ¥3 (¥33.90 with tax), received and posted in full.</summary>
    private async Task<(StockDocumentPages Acme, string Order, string Receipt)> ReceivedOrderAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var supplier = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            (await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct)).Id));
        var created = await acme.SubmitAsync("/app/purchasing/orders/create", await acme.PageAsync("/app/purchasing/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.SupplierId"] = supplier.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = "10", ["Input.Lines[0].UnitPrice"] = "3",
        });
        var order = created.Headers.Location!.OriginalString;
        await acme.SubmitAsync(order, await acme.PageAsync(order), "#submit-form");
        var receiptForm = $"/app/purchasing/receipts/create?orderId={order.Split('/')[^1]}";
        var receipt = (await acme.SubmitAsync(receiptForm, await acme.PageAsync(receiptForm), "#receipt-form")).Headers.Location!.OriginalString;
        await acme.SubmitAsync(receipt, await acme.PageAsync(receipt), "#post-form");
        return (acme, order, receipt);
    }

    private static async Task<string> InvoiceAsync(StockDocumentPages acme, string order)
    {
        var form = $"/app/purchasing/invoices/create?orderId={order.Split('/')[^1]}";
        var created = await acme.SubmitAsync(form, await acme.PageAsync(form), "#invoice-form", new Dictionary<string, string?> { ["Input.SupplierReference"] = "FP-0001" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return created.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_received_order_is_invoiced_paid_in_part_and_goods_returned_with_the_figures_on_each_page()
    {
        var (acme, order, receipt) = await ReceivedOrderAsync();
        var received = await acme.PageAsync(order);
        received.QuerySelector("#order-balance [data-to-invoice]")!.GetAttribute("data-to-invoice").ShouldBe("10.0000");
        received.QuerySelector("#invoice-link").ShouldNotBeNull();

        var invoice = await InvoiceAsync(acme, order);
        var draft = await acme.PageAsync(invoice);
        draft.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        draft.QuerySelector("#invoice-total")!.TextContent.ShouldContain("33.90");
        await acme.SubmitAsync(invoice, draft, "#submit-form");

        var approved = await acme.PageAsync(invoice);
        approved.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Approved");
        approved.QuerySelector("#lines [data-variance]")!.TextContent.ShouldBe("0.00 %");
        (await acme.SubmitAsync(invoice, approved, "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "10" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var paidInPart = await acme.PageAsync(invoice);
        paidInPart.QuerySelector("#invoice-open")!.TextContent.ShouldContain("23.90");
        var completed = await acme.PageAsync(order);
        completed.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Completed");
        completed.QuerySelector("#order-balance [data-to-pay]")!.GetAttribute("data-to-pay").ShouldBe("23.90");

        var tooMuch = await acme.SubmitAsync(invoice, paidInPart, "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "30" });
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AdminPagesFactory.HtmlAsync(tooMuch)).QuerySelector("[data-valmsg-for='Payment.Amount']")!.TextContent.ShouldBe(T("Error:Purchasing:PaymentExceedsOpen", "en", "23.90"));
        (await acme.PageAsync("/app/purchasing/invoices?OpenOnly=true")).QuerySelector("#invoices [data-open]")!.TextContent.ShouldBe("23.90");

        var returnForm = $"/app/purchasing/returns/create?receiptId={receipt.Split('/')[^1]}";
        var returned = await acme.SubmitAsync(returnForm, await acme.PageAsync(returnForm), "#return-form", new Dictionary<string, string?>
        {
            ["Input.Reason"] = "Scratched", ["Input.Lines[0].Quantity"] = "2",
        });
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await acme.PageAsync(returned.Headers.Location!.OriginalString)).QuerySelector("#return-value")!.TextContent.ShouldContain("6.00");
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 8m, 24.00m)]);
        (await acme.PageAsync("/app/purchasing/returns")).QuerySelector("#returns tbody")!.TextContent.ShouldContain("Scratched");

        var performance = await acme.PageAsync("/app/purchasing/supplier-performance");
        var row = performance.QuerySelector("#performance [data-supplier='S-1']")!;
        (row.QuerySelector("[data-on-time]")!.TextContent, row.QuerySelector("[data-quality]")!.TextContent, row.QuerySelector("[data-price]")!.TextContent)
            .ShouldBe(("100.00 %", "100.00 %", "0.00 %"));
        var export = await acme.Client.GetAsync("/app/purchasing/supplier-performance?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldContain("S-1");
    }

    [Fact]
    public async Task The_invoice_pages_speak_chinese_to_a_chinese_browser()
    {
        var (acme, order, _) = await ReceivedOrderAsync();
        var invoice = await InvoiceAsync(acme, order);
        acme.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        acme.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-Hans"));

        var list = await acme.PageAsync("/app/purchasing/invoices");
        list.QuerySelector("#invoices [data-status]")!.TextContent.ShouldBe(T("PurchaseInvoiceStatus:Draft", "zh-Hans"));
        (await acme.PageAsync(invoice)).QuerySelector("#submit-form button")!.TextContent.ShouldBe(T("Purchasing:SubmitInvoice", "zh-Hans"));
        (await acme.PageAsync("/app/purchasing/supplier-performance")).QuerySelector("#performance thead")!.TextContent.ShouldContain(T("Purchasing:QualityPassRate", "zh-Hans"));
    }

    [Fact]
    public async Task Another_company_gets_404_for_an_invoice_a_return_and_their_forms_and_sees_none_listed()
    {
        var (acme, order, receipt) = await ReceivedOrderAsync();
        var (globex, _, _) = await ReceivedOrderAsync();
        var invoice = await InvoiceAsync(acme, order);
        var returnForm = $"/app/purchasing/returns/create?receiptId={receipt.Split('/')[^1]}";
        var made = (await acme.SubmitAsync(returnForm, await acme.PageAsync(returnForm), "#return-form", new Dictionary<string, string?>
        {
            ["Input.Reason"] = "Scratched", ["Input.Lines[0].Quantity"] = "1",
        })).Headers.Location!.OriginalString;

        foreach (var url in new[] { invoice, made, $"/app/purchasing/invoices/create?orderId={order.Split('/')[^1]}", returnForm,
                     "/api/v1/purchasing/invoices/" + invoice.Split('/')[^1], "/api/v1/purchasing/returns/" + made.Split('/')[^1],
                     $"/api/v1/purchasing/orders/{order.Split('/')[^1]}/balance" })
        {
            (await globex.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/purchasing/orders/create", invoice + "?handler=Submit", ("Action.Version", "0")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pay = await globex.Client.PostAsJsonAsync($"/api/v1/purchasing/invoices/{invoice.Split('/')[^1]}/payments", new { version = 0, amount = 1m, paidOn = "2026-11-02" });
        pay.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.PageAsync("/app/purchasing/invoices")).QuerySelectorAll("#invoices tbody a").ShouldBeEmpty();
        (await globex.PageAsync("/app/purchasing/returns")).QuerySelectorAll("#returns tbody a").ShouldBeEmpty();
        (await globex.PageAsync("/app/purchasing/supplier-performance")).QuerySelectorAll("#performance [data-supplier]").Length.ShouldBe(1);
        (await acme.PageAsync(invoice)).QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
    }
}
