using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Purchasing;

/// <summary>
/// The purchasing pages as a buyer and a warehouse keeper use them: an order typed into its form, submitted and
/// printed; the goods received with inspection and a scanned barcode, posted; the figures on screen at each step.
/// </summary>
public sealed class PurchasingPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>The stock pages' company (WH01, WH02, P-1 with barcode 6901234567892) plus quarantine warehouse QC01 and supplier S-1.</summary>
    private async Task<(StockDocumentPages Acme, Guid Supplier, Guid Quarantine)> CompanyAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var (supplier, quarantine) = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var created = await sp.GetRequiredService<SupplierManager>().CreateAsync("S-1", "Shenzhen Parts", "CNY", ct);
            var qc = await sp.GetRequiredService<WarehouseManager>().CreateAsync("QC01", "Quarantine", null, isQuarantine: true, cancellationToken: ct);
            return (created.Id, qc.Id);
        }));
        return (acme, supplier, quarantine);
    }

    private static async Task<string> CreateOrderAsync(StockDocumentPages acme, Guid supplier, string quantity = "10", string price = "3")
    {
        var created = await acme.SubmitAsync("/app/purchasing/orders/create", await acme.PageAsync("/app/purchasing/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.SupplierId"] = supplier.ToString(), ["Input.WarehouseId"] = acme.Warehouses["WH01"].ToString(),
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = quantity, ["Input.Lines[0].UnitPrice"] = price,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return created.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task An_order_typed_submitted_received_with_inspection_and_a_scan_shows_the_right_figures_at_each_step()
    {
        var (acme, supplier, quarantine) = await CompanyAsync();

        var order = await CreateOrderAsync(acme, supplier);
        var draft = await acme.PageAsync(order);
        draft.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        draft.QuerySelector("#order-total")!.TextContent.ShouldContain("33.90");

        await acme.SubmitAsync(order, draft, "#submit-form");
        var approved = await acme.PageAsync(order);
        approved.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Approved");
        approved.QuerySelector("#lines [data-to-receive]")!.TextContent.Trim().ShouldBe("10 PCS");
        var print = await acme.PageAsync(order + "/print");
        print.QuerySelector("#print-supplier")!.TextContent.ShouldContain("Shenzhen Parts");
        print.QuerySelector("#print-total")!.TextContent.ShouldBe("CNY 33.90");

        // 6 accepted, 1 crushed to quarantine; then the scanner counts one more accepted piece.
        var orderId = order.Split('/')[^1];
        var receiptForm = $"/app/purchasing/receipts/create?orderId={orderId}";
        var form = await acme.PageAsync(receiptForm);
        // The open quantity is offered as people write it, not as stored (10.0000).
        form.QuerySelector("input[name='Input.Lines[0].AcceptedQuantity']")!.GetAttribute("value").ShouldBe("10");
        var createdReceipt = await acme.SubmitAsync(receiptForm, form, "#receipt-form", new Dictionary<string, string?>
        {
            ["Input.QuarantineWarehouseId"] = quarantine.ToString(), ["Input.Lines[0].AcceptedQuantity"] = "6", ["Input.Lines[0].RejectedQuantity"] = "1",
            ["Input.Lines[0].RejectReason"] = "Crushed", ["Input.Lines[0].Disposition"] = "Quarantine",
        });
        createdReceipt.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var receipt = createdReceipt.Headers.Location!.OriginalString;
        var scanned = await acme.SubmitAsync(receipt, await acme.PageAsync(receipt), "#scan-form", new Dictionary<string, string?> { ["Scan.Barcode"] = "6901234567892" });
        scanned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterScan = await acme.PageAsync(receipt);
        afterScan.QuerySelector("[role=status]")!.TextContent.ShouldBe(T("Purchasing:Scanned", "en", "P-1", 1, "7", "PCS"));
        await acme.SubmitAsync(receipt, afterScan, "#post-form");

        var posted = await acme.PageAsync(receipt);
        posted.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Posted");
        (posted.QuerySelector("#lines [data-accepted]")!.TextContent, posted.QuerySelector("#lines [data-rejected]")!.TextContent).ShouldBe(("7", "1"));
        (await acme.BalancesAsync("P-1")).ShouldBe([("QC01/-/-", 1m, 3.00m), ("WH01/-/-", 7m, 21.00m)]);
        var partly = await acme.PageAsync(order);
        partly.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("PartiallyReceived");
        (partly.QuerySelector("#lines [data-received]")!.TextContent.Trim(), partly.QuerySelector("#lines [data-to-receive]")!.TextContent.Trim()).ShouldBe(("8 PCS", "2 PCS"));
        (await acme.PageAsync("/app/purchasing/receipts")).QuerySelector("#receipts tbody")!.TextContent.ShouldContain("Shenzhen Parts");
        (await acme.PageAsync("/app/purchasing/orders?Status=PartiallyReceived")).QuerySelectorAll("#orders tbody tr a").Length.ShouldBe(1);
    }

    [Fact]
    public async Task An_approved_order_is_amended_from_its_page_into_a_draft_copy_that_links_back()
    {
        var (acme, supplier, _) = await CompanyAsync();
        var order = await CreateOrderAsync(acme, supplier);
        await acme.SubmitAsync(order, await acme.PageAsync(order), "#submit-form");
        var approved = await acme.PageAsync(order);
        var number = approved.QuerySelector("#document-number")!.TextContent;

        var noReason = await acme.SubmitAsync(order, approved, "#amend-form");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await AdminPagesFactory.HtmlAsync(noReason);
        refused.QuerySelector("#amend-form [data-valmsg-for='Action.Reason']")!.TextContent.ShouldBe(T("Error:Purchasing:ReasonRequired", "en"));
        refused.QuerySelector("#cancel-form [data-valmsg-for]").ShouldBeNull();
        refused.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Approved");

        var amended = await acme.SubmitAsync(order, approved, "#amend-form", new Dictionary<string, string?> { ["Action.Reason"] = "Quantity changes" });
        amended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copy = await acme.PageAsync(amended.Headers.Location!.OriginalString);
        copy.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        copy.QuerySelector("#amends a")!.TextContent.ShouldBe(number);
        copy.QuerySelector("#order-total")!.TextContent.ShouldContain("33.90");
        var original = await acme.PageAsync(order);
        original.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Cancelled");
        original.QuerySelector("#amended-by a")!.TextContent.ShouldBe(copy.QuerySelector("#document-number")!.TextContent);
        original.QuerySelector("#amend-form").ShouldBeNull();
    }

    [Fact]
    public async Task The_order_page_lists_unconfirmed_sales_orders_short_of_its_products_and_confirmed_ones_waiting_for_them_with_what_they_wait_for()
    {
        var (acme, supplier, _) = await CompanyAsync();
        var (waiting, shortDraft) = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var customer = await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var c1 = await sp.GetRequiredService<CustomerManager>().CreateAsync("C1", "Customer One", "CNY", ct);
                c1.ChangeCreditTerms(1_000_000m, 30);
                return c1.Id;
            });
            var sales = sp.GetRequiredService<ErpSaaS.Sales.ISalesOrderAppService>();
            ErpSaaS.Sales.SalesOrderInput Order(decimal quantity) => new()
            {
                RequestId = Guid.NewGuid(), CustomerId = customer, WarehouseId = acme.Warehouses["WH01"],
                Lines = [new ErpSaaS.Sales.SalesOrderLineInput { Product = "P-1", Quantity = quantity, UnitPrice = 5m }],
            };
            var backOrdered = await sales.CreateAsync(Order(4m));
            await sales.ConfirmAsync(backOrdered, new ErpSaaS.Sales.SalesActionInput { Version = (await sales.GetAsync(backOrdered)).Version, BackOrder = true });
            var draft = await sales.CreateAsync(Order(2m));
            return ((await sales.GetAsync(backOrdered)).Number, (await sales.GetAsync(draft)).Number);
        });
        var order = await CreateOrderAsync(acme, supplier);

        var page = await acme.PageAsync(order);

        var rows = page.QuerySelectorAll("#short-sales-orders tbody tr");
        rows.Select(r => (r.GetAttribute("data-order")!, r.QuerySelector("[data-back-ordered]")!.TextContent.Trim()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ShouldBe(new[] { (waiting, "4"), (shortDraft, "") }.OrderBy(r => r.Item1, StringComparer.Ordinal));
        page.QuerySelector("#short-sales-orders thead")!.TextContent.ShouldContain(T("Purchasing:BackOrdered", "en"));
    }

    [Fact]
    public async Task A_form_with_mistakes_shows_each_message_next_to_its_field_and_keeps_what_was_typed()
    {
        var (acme, _, _) = await CompanyAsync();

        var response = await acme.SubmitAsync("/app/purchasing/orders/create", await acme.PageAsync("/app/purchasing/orders/create"), "#order-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Product"] = "P-1", ["Input.Lines[0].Quantity"] = "4",
        });
        var page = await AdminPagesFactory.HtmlAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.SupplierId']")!.TextContent.ShouldBe(T("Error:Purchasing:SupplierRequired"));
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Lines[0].Product']")!.Value.ShouldBe("P-1");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Lines[0].Quantity']")!.Value.ShouldBe("4");
    }

    [Fact]
    public async Task A_receipt_beyond_the_order_is_refused_on_the_page_with_the_reason()
    {
        var (acme, supplier, _) = await CompanyAsync();
        var order = await CreateOrderAsync(acme, supplier, quantity: "5");
        await acme.SubmitAsync(order, await acme.PageAsync(order), "#submit-form");
        var receiptForm = $"/app/purchasing/receipts/create?orderId={order.Split('/')[^1]}";
        var receipt = (await acme.SubmitAsync(receiptForm, await acme.PageAsync(receiptForm), "#receipt-form", new Dictionary<string, string?>
        {
            ["Input.Lines[0].AcceptedQuantity"] = "6",
        })).Headers.Location!.OriginalString;

        var refused = await acme.SubmitAsync(receipt, await acme.PageAsync(receipt), "#post-form");
        var page = await AdminPagesFactory.HtmlAsync(refused);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain(T("Error:Purchasing:OverReceipt", "en", 1, "5", "0"));
        (await acme.BalancesAsync("P-1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_pages_speak_chinese_to_a_chinese_browser()
    {
        var (acme, supplier, _) = await CompanyAsync();
        var order = await CreateOrderAsync(acme, supplier);
        acme.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        acme.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-Hans"));

        var list = await acme.PageAsync("/app/purchasing/orders");
        var details = await acme.PageAsync(order);

        list.QuerySelector("#orders thead")!.TextContent.ShouldContain(T("Purchasing:Supplier", "zh-Hans"));
        list.QuerySelector("#orders [data-status]")!.TextContent.ShouldBe(T("PurchaseOrderStatus:Draft", "zh-Hans"));
        details.QuerySelector("#submit-form button")!.TextContent.ShouldBe(T("Purchasing:Submit", "zh-Hans"));
    }

    [Fact]
    public async Task Another_company_gets_404_for_every_purchasing_page_of_a_document_and_sees_none_in_its_lists()
    {
        var (acme, supplier, _) = await CompanyAsync();
        var (globex, _, _) = await CompanyAsync();
        var order = await CreateOrderAsync(acme, supplier);
        await acme.SubmitAsync(order, await acme.PageAsync(order), "#submit-form");
        var orderId = order.Split('/')[^1];
        var receiptForm = $"/app/purchasing/receipts/create?orderId={orderId}";
        var receipt = (await acme.SubmitAsync(receiptForm, await acme.PageAsync(receiptForm), "#receipt-form")).Headers.Location!.OriginalString;

        foreach (var url in new[] { order, order + "/print", receiptForm, receipt })
        {
            (await globex.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        foreach (var handler in new[] { "Cancel", "Amend" })
        {
            (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/purchasing/orders/create", order + "?handler=" + handler, ("Action.Reason", "mine now"), ("Action.Version", "0")))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        }
        (await globex.PageAsync("/app/purchasing/orders")).QuerySelectorAll("#orders tbody a").ShouldBeEmpty();
        (await globex.PageAsync("/app/purchasing/receipts")).QuerySelectorAll("#receipts tbody a").ShouldBeEmpty();
        (await acme.PageAsync(order)).QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Approved");
    }

    [Fact]
    public async Task A_colleague_without_the_purchasing_permission_is_forbidden_the_pages()
    {
        var (acme, _, _) = await CompanyAsync();
        var outsider = await acme.OutsiderAsync();

        foreach (var url in new[] { "/app/purchasing/orders", "/app/purchasing/orders/create", "/app/purchasing/receipts" })
        {
            (await outsider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
    }
}
