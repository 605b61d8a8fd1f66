using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// Invoices matched three ways against the order and its receipts, the payments that bring them down, and returns
/// that take goods back out of stock: with the exact quantities, amounts and statuses a buyer and an accountant see.
/// </summary>
public sealed class InvoiceMatchTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    /// <summary>10 boxes of P-1 at ¥50 a box (13 % VAT: ¥565.00), received in full into WH01.</summary>
    private static async Task<(PurchasingCompany Acme, Guid Order, Guid Receipt)> ReceivedOrderAsync(ErpTestFixture fixture, decimal boxesReceived = 10m)
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.AddSupplierAsync("S-1");
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, Unit = "BOX", UnitPrice = 50m });
        await acme.SubmitAsync(order);
        var receipt = await acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = boxesReceived });
        return (acme, order, receipt);
    }

    private static async Task<PurchaseInvoiceDto> InvoiceAsync(PurchasingCompany acme, Guid order, decimal? boxes = null, decimal? price = null)
    {
        var input = await acme.Invoices(s => s.NewForOrderAsync(order));
        if (boxes is not null) input.Lines[0].Quantity = boxes;
        if (price is not null) input.Lines[0].UnitPrice = price;
        input.SupplierReference = "FP-0001";
        var id = await acme.Invoices(s => s.CreateAsync(input));
        return await acme.Invoices(s => s.GetAsync(id));
    }

    private static Task SubmitAsync(PurchasingCompany acme, Guid invoice) =>
        acme.Invoices(async s => await s.SubmitAsync(invoice, new PurchasingActionInput { Version = (await s.GetAsync(invoice)).Version }));

    private static Task PayAsync(PurchasingCompany acme, Guid invoice, decimal amount) =>
        acme.Invoices(async s => await s.PayAsync(invoice, new PurchasePaymentInput
        {
            Version = (await s.GetAsync(invoice)).Version, Amount = amount, PaidOn = new DateOnly(2026, 11, 2), Method = PaymentMethod.BankTransfer, Reference = "BK-1",
        }));

    [Fact]
    public async Task An_exactly_matching_invoice_is_approved_at_once_completes_the_order_and_is_paid_in_two_parts()
    {
        var (acme, order, _) = await ReceivedOrderAsync(fixture);
        var draft = await InvoiceAsync(acme, order);
        (draft.Status, draft.Lines.Single().Quantity, draft.Lines.Single().UnitPrice, draft.TotalAmount).ShouldBe((PurchaseInvoiceStatus.Draft, 10m, 50m, 565.00m));
        draft.Number.ShouldStartWith("PI-");

        await SubmitAsync(acme, draft.Id);

        var approved = await acme.Invoices(s => s.GetAsync(draft.Id));
        (approved.Status, approved.IsPriceMismatch, approved.OpenAmount).ShouldBe((PurchaseInvoiceStatus.Approved, false, 565.00m));
        approved.Lines.Single().PriceVariancePercent.ShouldBe(0m);
        var completed = await acme.Orders(s => s.GetAsync(order));
        (completed.Status, completed.Lines.Single().InvoicedQuantity).ShouldBe((PurchaseOrderStatus.Completed, 100m));
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(0m, 0m, 565.00m, 0m, 565.00m));

        await PayAsync(acme, draft.Id, 200m);
        (await acme.Invoices(s => s.GetAsync(draft.Id))).OpenAmount.ShouldBe(365.00m);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(0m, 0m, 565.00m, 200.00m, 365.00m));

        var tooMuch = await Should.ThrowAsync<BusinessException>(() => PayAsync(acme, draft.Id, 365.01m));
        (tooMuch.Code, tooMuch.Field).ShouldBe((PurchasingErrorCodes.PaymentExceedsOpen, "Amount"));

        await PayAsync(acme, draft.Id, 365m);
        var paid = await acme.Invoices(s => s.GetAsync(draft.Id));
        (paid.Status, paid.PaidAmount, paid.OpenAmount, paid.Payments.Count).ShouldBe((PurchaseInvoiceStatus.Paid, 565.00m, 0m, 2));
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ToPay.ShouldBe(0m);
        (await Should.ThrowAsync<BusinessException>(() => PayAsync(acme, draft.Id, 1m))).Code.ShouldBe(PurchasingErrorCodes.InvoiceNotPayable);
    }

    [Fact]
    public async Task Invoicing_more_than_was_received_and_not_yet_invoiced_is_refused()
    {
        var (acme, order, _) = await ReceivedOrderAsync(fixture, boxesReceived: 6m);
        var first = await InvoiceAsync(acme, order, boxes: 4m);
        await SubmitAsync(acme, first.Id);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(40m, 20m, 226.00m, 0m, 226.00m));

        // 2 boxes are left to invoice; a second invoice for 3 is refused next to its quantity and stays a draft.
        var second = await InvoiceAsync(acme, order, boxes: 3m);
        var refused = await Should.ThrowAsync<BusinessException>(() => SubmitAsync(acme, second.Id));
        (refused.Code, refused.Field).ShouldBe((PurchasingErrorCodes.OverInvoiced, "Lines[0].Quantity"));
        refused.Args.ShouldBe([1, 2m, "BOX"]);
        (await acme.Invoices(s => s.GetAsync(second.Id))).Status.ShouldBe(PurchaseInvoiceStatus.Draft);
        (await acme.Orders(s => s.GetAsync(order))).Lines.Single().InvoicedQuantity.ShouldBe(40m);
    }

    [Fact]
    public async Task A_price_outside_the_tolerance_is_held_for_approval_then_rejected_back_to_draft_and_approved_on_resubmit()
    {
        var (acme, order, _) = await ReceivedOrderAsync(fixture);
        await acme.SetAsync(PurchasingSettings.PriceTolerancePercent, "2");
        await acme.RequireBossApprovalFromAsync(0m, ApprovalDocumentType.PurchaseInvoiceMismatch);

        // ¥52 against ¥50 is 4 % off: held, and the order counts it as invoiced so no second invoice bills the same goods.
        var invoice = await InvoiceAsync(acme, order, price: 52m);
        await SubmitAsync(acme, invoice.Id);
        var held = await acme.Invoices(s => s.GetAsync(invoice.Id));
        (held.Status, held.IsPriceMismatch, held.Lines.Single().PriceVariancePercent, held.TotalAmount).ShouldBe((PurchaseInvoiceStatus.PendingApproval, true, 4.00m, 587.60m));
        (await acme.Orders(s => s.GetAsync(order))).Status.ShouldBe(PurchaseOrderStatus.ToInvoice);

        await acme.DecideAsBossAsync(invoice.Number, approve: false, "Price list says 50");
        var rejected = await acme.Invoices(s => s.GetAsync(invoice.Id));
        rejected.Status.ShouldBe(PurchaseInvoiceStatus.Draft);
        rejected.Timeline[^1].Comment.ShouldBe("Price list says 50");
        (await acme.Orders(s => s.GetAsync(order))).Lines.Single().InvoicedQuantity.ShouldBe(0m);

        await SubmitAsync(acme, invoice.Id);
        await acme.DecideAsBossAsync(invoice.Number, approve: true, "Freight surcharge agreed");
        (await acme.Invoices(s => s.GetAsync(invoice.Id))).Status.ShouldBe(PurchaseInvoiceStatus.Approved);
        (await acme.Orders(s => s.GetAsync(order))).Status.ShouldBe(PurchaseOrderStatus.Completed);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ToPay.ShouldBe(587.60m);
    }

    [Fact]
    public async Task A_price_within_the_tolerance_needs_no_approval()
    {
        var (acme, order, _) = await ReceivedOrderAsync(fixture);
        await acme.SetAsync(PurchasingSettings.PriceTolerancePercent, "2");
        await acme.RequireBossApprovalFromAsync(0m, ApprovalDocumentType.PurchaseInvoiceMismatch);

        var invoice = await InvoiceAsync(acme, order, price: 51m);
        await SubmitAsync(acme, invoice.Id);

        var approved = await acme.Invoices(s => s.GetAsync(invoice.Id));
        (approved.Status, approved.IsPriceMismatch, approved.Lines.Single().PriceVariancePercent).ShouldBe((PurchaseInvoiceStatus.Approved, false, 2.00m));
    }

    [Fact]
    public async Task A_return_takes_stock_out_at_the_receipt_cost_and_lowers_what_can_be_invoiced()
    {
        var (acme, order, receipt) = await ReceivedOrderAsync(fixture);
        (await acme.LevelAsync("P-1", "WH01")).OnHand.ShouldBe(100m);

        var input = await acme.Returns(s => s.NewForReceiptAsync(receipt));
        input.Lines.Single().ReceiptLineNumber.ShouldBe(1);
        input.Lines[0].Quantity = 3m;
        input.Reason = "Scratched housings";
        var made = await acme.Returns(s => s.CreateAsync(input));

        var posted = await acme.Returns(s => s.GetAsync(made));
        posted.Number.ShouldStartWith("PT-");
        (posted.Lines.Single().BaseQuantity, posted.Lines.Single().BaseUnitCost, posted.Lines.Single().Value, posted.TotalValue).ShouldBe((30m, 5.00m, 150.00m, 150.00m));
        (await acme.LevelAsync("P-1", "WH01")).OnHand.ShouldBe(70m);
        (await acme.Orders(s => s.GetAsync(order))).Lines.Single().ReceivedQuantity.ShouldBe(100m);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ToInvoice.ShouldBe(70m);
        (await acme.Invoices(s => s.NewForOrderAsync(order))).Lines.Single().Quantity.ShouldBe(7m);

        // 7 boxes are left to hand back; 8 is refused next to the quantity, and nothing moves.
        var again = await acme.Returns(s => s.NewForReceiptAsync(receipt));
        again.Lines[0].Quantity = 8m;
        again.Reason = "More scratches";
        var refused = await Should.ThrowAsync<BusinessException>(() => acme.Returns(s => s.CreateAsync(again)));
        (refused.Code, refused.Field).ShouldBe((PurchasingErrorCodes.OverReturn, "Lines[0].Quantity"));
        refused.Args.ShouldBe([1, 7m, "BOX"]);
        (await acme.LevelAsync("P-1", "WH01")).OnHand.ShouldBe(70m);
    }
}
