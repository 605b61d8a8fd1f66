using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Tests.Infrastructure;
using ErpSaaS.Web.Tests.Inventory.Documents;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Approvals;

/// <summary>
/// The approval trail on the documents that go through approval: a stock adjustment and a payment held for the boss,
/// decided from the document's own panel and from the inbox, in English and Chinese; the flows page offering each type
/// its conditions; and another company getting 404 for both.
/// </summary>
public sealed class DocumentApprovalPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    /// <summary>The stock pages' company with 20 P-1 at ¥3 in WH01 and a boss (admin) who approves adjustments and payments from ¥10.</summary>
    private async Task<(StockDocumentPages Acme, Guid Boss)> CompanyAsync()
    {
        var acme = await StockDocumentPages.CreateAsync(factory);
        var boss = await factory.Data.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            var openings = sp.GetRequiredService<IOpeningBalanceAppService>();
            var id = await openings.CreateAsync(new OpeningBalanceInput
            {
                RequestId = Guid.NewGuid(), Lines = [new() { Product = "P-1", WarehouseId = acme.Warehouses["WH01"], Quantity = 20m, UnitCost = 3m }],
            });
            await openings.PostAsync(id, new StockDocumentActionInput { Version = (await openings.GetAsync(id)).Header.Version });
            var flows = sp.GetRequiredService<IApprovalFlowAppService>();
            foreach (var type in new[] { ApprovalDocumentType.StockAdjustment, ApprovalDocumentType.Payment })
            {
                await flows.AddStepAsync(type, new ApprovalStepInput
                {
                    Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 10m,
                });
            }
        });
        return (acme, boss);
    }

    /// <summary>A damage write-off of 5 P-1 (¥15) created and posted from its pages: held for the boss.</summary>
    private static async Task<string> HeldAdjustmentAsync(StockDocumentPages acme)
    {
        var created = await acme.SubmitAsync("/app/inventory/adjustments/create", await acme.PageAsync("/app/inventory/adjustments/create"), "#adjustment-form",
            new Dictionary<string, string?>
            {
                ["Input.Reason"] = nameof(AdjustmentReason.Damage), ["Input.Comment"] = "Dropped", ["Input.Lines[0].Product"] = "P-1",
                ["Input.Lines[0].WarehouseId"] = acme.Warehouses["WH01"].ToString(), ["Input.Lines[0].Quantity"] = "-5",
            });
        var url = created.Headers.Location!.OriginalString;
        var posted = await acme.SubmitAsync(url, await acme.PageAsync(url), "#post-form");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return url;
    }

    private HttpClient ClientFor(StockDocumentPages acme, Guid user, string language = "en")
    {
        var client = factory.ClientFor(acme.Tenant, user);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await AdminPagesFactory.HtmlAsync(response);
    }

    [Fact]
    public async Task A_held_adjustment_shows_it_awaits_approval_and_posts_when_the_boss_approves_from_its_panel()
    {
        var (acme, boss) = await CompanyAsync();
        var url = await HeldAdjustmentAsync(acme);

        var held = await acme.PageAsync(url);
        held.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("PendingApproval");
        held.QuerySelector("#awaiting-approval")!.TextContent.ShouldBe(T("StockDocuments:AwaitingApproval"));
        held.QuerySelector("#post-form").ShouldBeNull();
        held.QuerySelector("#adjustment-form").ShouldBeNull();
        held.QuerySelector("#cancel-form").ShouldNotBeNull();
        held.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Pending"));
        held.QuerySelector("#approval-decision").ShouldBeNull(); // the submitter does not decide
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 20m, 60.00m)]);

        using var bossClient = ClientFor(acme, boss);
        var inbox = await PageAsync(bossClient, "/app/approvals");
        var link = inbox.QuerySelector($"#approvals tbody a[href='{url}']")!;
        link.TextContent.ShouldBe(held.QuerySelector("#document-number")!.TextContent);
        inbox.QuerySelector("#approvals tbody")!.TextContent.ShouldContain(T("ApprovalDocumentType:StockAdjustment"));
        (await PageAsync(bossClient, url)).QuerySelector("#approval-decision").ShouldNotBeNull();

        var approved = await AdminPagesFactory.PostFormAsync(bossClient, url, "/app/approvals?handler=Approve",
            ("requestId", (await RequestIdAsync(acme, ApprovalDocumentType.StockAdjustment, url)).ToString()), ("returnUrl", url), ("comment", "Seen the photos"));
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        approved.Headers.Location!.OriginalString.ShouldBe(url);

        var posted = await acme.PageAsync(url);
        posted.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Posted");
        posted.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Approved"));
        posted.QuerySelector("#approval-panel .approval-step")!.TextContent.ShouldContain("Seen the photos");
        posted.QuerySelector("#approval-panel .approval-step")!.TextContent.ShouldContain("boss");
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 15m, 45.00m)]);

        using var chinese = ClientFor(acme, acme.Admin, "zh-Hans");
        var zh = await PageAsync(chinese, url);
        zh.QuerySelector("#approval-panel .card-title")!.TextContent.ShouldBe(T("Approvals:Panel", "zh-Hans"));
        zh.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Approved", "zh-Hans"));
        zh.QuerySelector("#document-status [data-status]")!.TextContent.ShouldBe(T("StockDocumentStatus:Posted", "zh-Hans"));
    }

    [Fact]
    public async Task A_rejected_adjustment_is_a_draft_again_with_the_reason_on_its_panel_and_timeline_in_chinese()
    {
        var (acme, boss) = await CompanyAsync();
        var url = await HeldAdjustmentAsync(acme);
        var chineseHeld = await PageAsync(ClientFor(acme, acme.Admin, "zh-Hans"), url);
        chineseHeld.QuerySelector("#awaiting-approval")!.TextContent.ShouldBe(T("StockDocuments:AwaitingApproval", "zh-Hans"));
        chineseHeld.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Pending", "zh-Hans"));

        using var bossClient = ClientFor(acme, boss);
        var rejected = await AdminPagesFactory.PostFormAsync(bossClient, url, "/app/approvals?handler=Reject",
            ("requestId", (await RequestIdAsync(acme, ApprovalDocumentType.StockAdjustment, url)).ToString()), ("returnUrl", url), ("comment", "盘点后再说"));
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var draft = await acme.PageAsync(url);
        draft.QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("Draft");
        draft.QuerySelector("#adjustment-form").ShouldNotBeNull();
        draft.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Rejected"));
        draft.QuerySelectorAll("#timeline [data-timeline-comment]").Select(c => c.TextContent).ShouldContain("盘点后再说");
        (await acme.BalancesAsync("P-1")).ShouldBe([("WH01/-/-", 20m, 60.00m)]);
    }

    [Fact]
    public async Task A_held_payment_shows_on_its_invoice_with_its_trail_and_counts_once_approved_from_the_inbox()
    {
        var (acme, boss) = await CompanyAsync();
        var invoice = await ApprovedInvoiceAsync(acme); // ¥33.90 to pay

        var paid = await acme.SubmitAsync(invoice, await acme.PageAsync(invoice), "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "5" });
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect); // ¥5: below the boss's ¥10, counts at once
        var held = await acme.SubmitAsync(invoice, await acme.PageAsync(invoice), "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "20" });
        held.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await acme.PageAsync(invoice);
        page.QuerySelectorAll(".alert-success").Select(a => a.TextContent.Trim()).ShouldContain(T("Purchasing:PaymentSubmitted"));
        page.QuerySelector("#invoice-open")!.TextContent.ShouldContain("28.90");
        page.QuerySelector("#payments-pending")!.TextContent.ShouldBe(T("Purchasing:AwaitingApprovalAmount", "en", "20.00"));
        var rows = page.QuerySelectorAll("#payments tr[data-payment]");
        rows.Select(r => r.GetAttribute("data-status")).ShouldBe(["Approved", "PendingApproval"]);
        var pendingNumber = rows[1].GetAttribute("data-payment")!;
        page.QuerySelector($"[id^='payment-approval-'][data-payment='{pendingNumber}'] #approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Pending"));
        page.QuerySelector("#pay-form input[name='Payment.Amount']")!.GetAttribute("value").ShouldBe("8.90");

        using var bossClient = ClientFor(acme, boss);
        var inbox = await PageAsync(bossClient, "/app/approvals");
        var row = inbox.QuerySelector($"#approvals tbody tr[data-request]")!;
        row.TextContent.ShouldContain(pendingNumber);
        row.TextContent.ShouldContain("Shenzhen Parts · CNY 20.00");
        row.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith(invoice + "#payment-");
        var approved = await bossClient.SendAsync(await InboxFormAsync(bossClient, "Approve", "Pay it"));
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await acme.PageAsync(invoice);
        after.QuerySelector("#invoice-open")!.TextContent.ShouldContain("8.90");
        after.QuerySelectorAll("#payments tr[data-payment]").Select(r => r.GetAttribute("data-status")).ShouldBe(["Approved", "Approved"]);
        after.QuerySelector($"[id^='payment-approval-'][data-payment='{pendingNumber}']")!.TextContent.ShouldContain("Pay it");
        var order = after.QuerySelector("#document-header a[href^='/app/purchasing/orders/']")!.GetAttribute("href")!;
        (await acme.PageAsync(order)).QuerySelector("#order-balance [data-to-pay]")!.GetAttribute("data-to-pay").ShouldBe("8.90");

        using var chinese = ClientFor(acme, acme.Admin, "zh-Hans");
        var zh = await PageAsync(chinese, invoice);
        zh.QuerySelector($"[data-payment='{pendingNumber}'] h4")!.TextContent.ShouldBe(T("Purchasing:PaymentApproval", "zh-Hans", pendingNumber));
        zh.QuerySelector("#payments tr[data-payment] .badge")!.TextContent.ShouldBe(T("PurchasePaymentStatus:Approved", "zh-Hans"));
    }

    [Fact]
    public async Task A_rejected_payment_shows_the_reason_and_is_corrected_on_the_invoice_page()
    {
        var (acme, boss) = await CompanyAsync();
        var invoice = await ApprovedInvoiceAsync(acme);
        await acme.SubmitAsync(invoice, await acme.PageAsync(invoice), "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "20" });
        using var bossClient = ClientFor(acme, boss);
        (await bossClient.SendAsync(await InboxFormAsync(bossClient, "Reject", "Wrong account"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rejected = await acme.PageAsync(invoice);
        var row = rejected.QuerySelector("#payments tr[data-payment]")!;
        row.GetAttribute("data-status").ShouldBe("Rejected");
        row.QuerySelector("[data-rejection]")!.TextContent.ShouldBe(T("Purchasing:RejectedBecause", "en", "Wrong account"));
        rejected.QuerySelector("#invoice-open")!.TextContent.ShouldContain("33.90");
        var form = rejected.QuerySelector("form[id^='resubmit-payment-']")!.GetAttribute("id")!;

        var tooMuch = await acme.SubmitAsync(invoice, rejected, "#" + form, new Dictionary<string, string?> { ["Revision.Amount"] = "40" });
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await AdminPagesFactory.HtmlAsync(tooMuch);
        refused.QuerySelector("[data-valmsg-for='Revision.Amount']")!.TextContent.ShouldBe(T("Error:Purchasing:PaymentExceedsOpen", "en", "33.90"));
        refused.QuerySelector("details[open]").ShouldNotBeNull();

        var resubmitted = await acme.SubmitAsync(invoice, rejected, "#" + form, new Dictionary<string, string?> { ["Revision.Amount"] = "15" });
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await acme.PageAsync(invoice);
        again.QuerySelector("#payments tr[data-payment]")!.GetAttribute("data-status").ShouldBe("PendingApproval");
        again.QuerySelector("#payments-pending")!.TextContent.ShouldBe(T("Purchasing:AwaitingApprovalAmount", "en", "15.00"));
    }

    [Fact]
    public async Task A_requisition_held_for_the_boss_shows_its_trail_and_the_boss_decides_from_it()
    {
        var (acme, boss) = await CompanyAsync();
        var requisition = await factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
        {
            await sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseRequisition,
                new ApprovalStepInput { Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss });
            var requisitions = sp.GetRequiredService<IPurchaseRequisitionAppService>();
            var id = await requisitions.CreateAsync(new PurchaseRequisitionInput
            {
                RequestId = Guid.NewGuid(), WarehouseId = acme.Warehouses["WH01"], Lines = [new() { Product = "P-1", Quantity = 50m }],
            });
            await requisitions.SubmitAsync(id, new PurchasingActionInput { Version = (await requisitions.GetAsync(id)).Version });
            return id;
        });
        var url = $"/app/purchasing/requisitions/{requisition}";

        var held = await acme.PageAsync(url);
        held.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Pending"));
        held.QuerySelector("#approval-panel .approval-step")!.TextContent.ShouldContain("boss");
        using var bossClient = ClientFor(acme, boss, "zh-Hans");
        (await PageAsync(bossClient, "/app/approvals")).QuerySelector($"#approvals tbody a[href='{url}']").ShouldNotBeNull();
        var approved = await AdminPagesFactory.PostFormAsync(bossClient, url, "/app/approvals?handler=Approve",
            ("requestId", (await RequestIdAsync(acme, ApprovalDocumentType.PurchaseRequisition, url)).ToString()), ("returnUrl", url), ("comment", "买吧"));
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var zh = await PageAsync(bossClient, url);
        zh.QuerySelector("#approval-status")!.TextContent.ShouldBe(T("ApprovalRequestStatus:Approved", "zh-Hans"));
        zh.QuerySelector("#approval-panel .approval-step")!.TextContent.ShouldContain("买吧");
    }

    [Fact]
    public async Task The_flows_page_offers_each_document_type_the_conditions_its_documents_have()
    {
        var (acme, _) = await CompanyAsync();

        var adjustment = await acme.PageAsync("/app/approvals/flows/step?type=StockAdjustment");
        var payment = await acme.PageAsync("/app/approvals/flows/step?type=Payment");

        adjustment.QuerySelectorAll("select[name='Input.ConditionKind'] option").Select(o => o.GetAttribute("value"))
            .ShouldBe(["Always", "AmountAtLeast", "WarehouseEquals"]);
        payment.QuerySelectorAll("select[name='Input.ConditionKind'] option").Select(o => o.GetAttribute("value")).ShouldBe(["Always", "AmountAtLeast"]);
        var flows = await acme.PageAsync("/app/approvals/flows");
        flows.QuerySelector("#flow-StockAdjustment")!.TextContent.ShouldContain("Boss");
        flows.QuerySelector("#flow-Payment")!.TextContent.ShouldContain("Boss");
    }

    [Fact]
    public async Task Another_company_gets_404_for_a_held_adjustment_and_a_held_payment()
    {
        var (acme, _) = await CompanyAsync();
        var (globex, _) = await CompanyAsync();
        var adjustment = await HeldAdjustmentAsync(acme);
        var invoice = await ApprovedInvoiceAsync(acme);
        await acme.SubmitAsync(invoice, await acme.PageAsync(invoice), "#pay-form", new Dictionary<string, string?> { ["Payment.Amount"] = "20" });
        var paymentId = (await acme.PageAsync(invoice)).QuerySelector("#payments tr[data-payment]")!.GetAttribute("id")!["payment-".Length..];
        var adjustmentId = adjustment.Split('/')[^1];
        var invoiceId = invoice.Split('/')[^1];

        foreach (var url in new[] { adjustment, invoice, "/api/v1/inventory/adjustments/" + adjustmentId, "/api/v1/purchasing/invoices/" + invoiceId })
        {
            (await globex.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/inventory/adjustments/create", adjustment + "?handler=Cancel", ("Action.Version", "0")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AdminPagesFactory.PostFormAsync(globex.Client, "/app/inventory/adjustments/create", invoice + $"?handler=DeletePayment&paymentId={paymentId}",
            ("Action.Version", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.Client.PutAsJsonAsync($"/api/v1/purchasing/invoices/{invoiceId}/payments/{paymentId}", new { version = 0, amount = 1m, paidOn = "2026-11-02" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await globex.Client.DeleteAsync(new Uri($"/api/v1/purchasing/invoices/{invoiceId}/payments/{paymentId}?version=0", UriKind.Relative)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageAsync(globex.Client, "/app/approvals")).QuerySelectorAll("#approvals tbody tr[data-request]").ShouldBeEmpty();
        (await acme.PageAsync(adjustment)).QuerySelector("#document-status [data-status]")!.GetAttribute("data-status").ShouldBe("PendingApproval");
        (await acme.PageAsync(invoice)).QuerySelector("#payments tr[data-payment]")!.GetAttribute("data-status").ShouldBe("PendingApproval");
    }

    /// <summary>Supplier S-1 ("Shenzhen Parts"), an order for 10 P-1 at ¥3 received in full, and its invoice (¥33.90) submitted and approved.</summary>
    private async Task<string> ApprovedInvoiceAsync(StockDocumentPages acme)
    {
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
        var form = $"/app/purchasing/invoices/create?orderId={order.Split('/')[^1]}";
        var invoice = (await acme.SubmitAsync(form, await acme.PageAsync(form), "#invoice-form")).Headers.Location!.OriginalString;
        await acme.SubmitAsync(invoice, await acme.PageAsync(invoice), "#submit-form");
        return invoice;
    }

    /// <summary>The approver's decision on the first request of their inbox, posted from the inbox's own form.</summary>
    private static async Task<HttpRequestMessage> InboxFormAsync(HttpClient client, string handler, string comment)
    {
        var inbox = await PageAsync(client, "/app/approvals");
        var form = inbox.QuerySelector("#approvals form")!;
        var fields = form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") != "submit")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Where(f => f.Key != "comment").Append(new KeyValuePair<string, string>("comment", comment)).ToList();
        return new HttpRequestMessage(HttpMethod.Post, new Uri($"/app/approvals?handler={handler}", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
    }

    private Task<Guid> RequestIdAsync(StockDocumentPages acme, ApprovalDocumentType type, string url) =>
        factory.Data.AsUserAsync(acme.Tenant, acme.Admin, async sp =>
            (await sp.GetRequiredService<IApprovalRequests>().FindAsync(type, Guid.Parse(url.Split('/')[^1])))!.Id);
}
