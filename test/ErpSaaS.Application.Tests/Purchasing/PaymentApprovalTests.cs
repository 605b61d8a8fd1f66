using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// Payments to a supplier through the company's payment flow: a payment from ¥300 waits for the boss and counts as paid
/// (and lowers what is left to pay) only once approved; a rejected one carries the reason and is corrected or deleted.
/// </summary>
public sealed class PaymentApprovalTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    /// <summary>10 boxes of P-1 at ¥50 a box from S-1 (13 % VAT: ¥565.00), received, invoiced and approved; payments from ¥300 need the boss.</summary>
    private static async Task<(PurchasingCompany Acme, Guid Order, PurchaseInvoiceDto Invoice)> PayableInvoiceAsync(ErpTestFixture fixture)
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.AddSupplierAsync("S-1");
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, Unit = "BOX", UnitPrice = 50m });
        await acme.SubmitAsync(order);
        await acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        var input = await acme.Invoices(s => s.NewForOrderAsync(order));
        var id = await acme.Invoices(s => s.CreateAsync(input));
        await acme.Invoices(async s => await s.SubmitAsync(id, new PurchasingActionInput { Version = (await s.GetAsync(id)).Version }));
        await acme.RequireBossApprovalFromAsync(300m, ApprovalDocumentType.Payment);
        return (acme, order, await acme.Invoices(s => s.GetAsync(id)));
    }

    private static Task<PurchasePaymentStatus> PayAsync(PurchasingCompany acme, Guid invoice, decimal amount) =>
        acme.Invoices(async s => await s.PayAsync(invoice, new PurchasePaymentInput
        {
            Version = (await s.GetAsync(invoice)).Version, Amount = amount, PaidOn = new DateOnly(2026, 11, 2), Method = PaymentMethod.BankTransfer, Reference = "BK-1",
        }));

    private static Task<ApprovalRequestDto?> RequestAsync(PurchasingCompany acme, Guid payment) =>
        acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalRequests>().FindAsync(ApprovalDocumentType.Payment, payment));

    [Fact]
    public async Task A_payment_above_the_threshold_waits_and_leaves_what_is_to_pay_unchanged_until_approved()
    {
        var (acme, order, invoice) = await PayableInvoiceAsync(fixture);

        (await PayAsync(acme, invoice.Id, 200m)).ShouldBe(PurchasePaymentStatus.Approved); // below ¥300: counts at once
        (await PayAsync(acme, invoice.Id, 365m)).ShouldBe(PurchasePaymentStatus.PendingApproval);

        var held = await acme.Invoices(s => s.GetAsync(invoice.Id));
        (held.Status, held.PaidAmount, held.OpenAmount, held.PendingPaymentAmount, held.PayableAmount)
            .ShouldBe((PurchaseInvoiceStatus.Approved, 200.00m, 365.00m, 365.00m, 0m));
        held.Payments.Select(p => (p.Number, p.Amount, p.Status))
            .ShouldBe([($"{invoice.Number}/1", 200.00m, PurchasePaymentStatus.Approved), ($"{invoice.Number}/2", 365.00m, PurchasePaymentStatus.PendingApproval)]);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(0m, 0m, 565.00m, 200.00m, 365.00m));
        var more = await Should.ThrowAsync<BusinessException>(() => PayAsync(acme, invoice.Id, 0.01m));
        (more.Code, more.Field, more.Args.Single()).ShouldBe((PurchasingErrorCodes.PaymentExceedsOpen, "Amount", (object?)"0.00"));
        var pending = held.Payments[1];
        var item = await fixture.AsUserAsync(acme.Tenant, acme.Boss, async sp =>
            (await sp.GetRequiredService<IApprovalInboxAppService>().GetPendingAsync(new ApprovalInboxQuery())).Items.Single());
        (item.DocumentType, item.DocumentNumber, item.Summary, item.Url).ShouldBe((ApprovalDocumentType.Payment, pending.Number, "S-1 S-1 Ltd · CNY 365.00",
            $"/app/purchasing/invoices/{invoice.Id}#payment-{pending.Id}"));

        await acme.DecideAsBossAsync(pending.Number, approve: true, "Due today");

        var paid = await acme.Invoices(s => s.GetAsync(invoice.Id));
        (paid.Status, paid.PaidAmount, paid.OpenAmount, paid.PendingPaymentAmount).ShouldBe((PurchaseInvoiceStatus.Paid, 565.00m, 0m, 0m));
        paid.Payments[1].Status.ShouldBe(PurchasePaymentStatus.Approved);
        paid.Timeline[^1].Comment.ShouldBe("CNY 365.00 · Due today");
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(0m, 0m, 565.00m, 565.00m, 0m));
        (await RequestAsync(acme, pending.Id))!.Status.ShouldBe(ApprovalRequestStatus.Approved);
    }

    [Fact]
    public async Task A_rejected_payment_keeps_the_reason_counts_for_nothing_and_is_deleted_or_corrected()
    {
        var (acme, order, invoice) = await PayableInvoiceAsync(fixture);
        await PayAsync(acme, invoice.Id, 400m);
        var first = (await acme.Invoices(s => s.GetAsync(invoice.Id))).Payments.Single();

        await acme.DecideAsBossAsync(first.Number, approve: false, "Wrong bank account");

        var rejected = await acme.Invoices(s => s.GetAsync(invoice.Id));
        rejected.Payments.Single().ShouldBe(first with { Status = PurchasePaymentStatus.Rejected, RejectionReason = "Wrong bank account" });
        (rejected.PaidAmount, rejected.PayableAmount).ShouldBe((0m, 565.00m));
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ToPay.ShouldBe(565.00m);

        // A payment waiting for approval cannot be deleted; the rejected one can, and its number is not given out again.
        (await PayAsync(acme, invoice.Id, 300m)).ShouldBe(PurchasePaymentStatus.PendingApproval);
        var second = (await acme.Invoices(s => s.GetAsync(invoice.Id))).Payments.Single(p => p.IsPending);
        second.Number.ShouldBe($"{invoice.Number}/2");
        var notRejected = await Should.ThrowAsync<BusinessException>(() =>
            acme.Invoices(async s => await s.DeletePaymentAsync(invoice.Id, second.Id, new PurchasingActionInput { Version = (await s.GetAsync(invoice.Id)).Version })));
        notRejected.Code.ShouldBe(PurchasingErrorCodes.PaymentNotRejected);
        await acme.Invoices(async s => await s.DeletePaymentAsync(invoice.Id, first.Id, new PurchasingActionInput { Version = (await s.GetAsync(invoice.Id)).Version }));
        (await acme.Invoices(s => s.GetAsync(invoice.Id))).Payments.Select(p => p.Number).ShouldBe([second.Number]);

        // Rejected too, then corrected and submitted again: approved, it counts.
        await acme.DecideAsBossAsync(second.Number, approve: false, "Pay on the 3rd");
        var resubmitted = await acme.Invoices(async s => await s.ResubmitPaymentAsync(invoice.Id, second.Id, new PurchasePaymentInput
        {
            Version = (await s.GetAsync(invoice.Id)).Version, Amount = 320m, PaidOn = new DateOnly(2026, 11, 3), Method = PaymentMethod.BankTransfer, Reference = "BK-2",
        }));
        resubmitted.ShouldBe(PurchasePaymentStatus.PendingApproval);
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ToPay.ShouldBe(565.00m);
        await acme.DecideAsBossAsync(second.Number, approve: true, null);
        var approved = (await acme.Invoices(s => s.GetAsync(invoice.Id))).Payments.Single();
        (approved.Amount, approved.PaidOn, approved.Reference, approved.Status, approved.RejectionReason)
            .ShouldBe((320.00m, new DateOnly(2026, 11, 3), "BK-2", PurchasePaymentStatus.Approved, (string?)null));
        (await acme.Invoices(s => s.GetOrderBalanceAsync(order))).ShouldBe(new PurchaseOrderBalanceDto(0m, 0m, 565.00m, 320.00m, 245.00m));
        (await RequestAsync(acme, second.Id))!.Status.ShouldBe(ApprovalRequestStatus.Approved);

        // The rest (¥245, below the boss's ¥300) counts at once, numbered after the deleted one.
        (await PayAsync(acme, invoice.Id, 245m)).ShouldBe(PurchasePaymentStatus.Approved);
        var paid = await acme.Invoices(s => s.GetAsync(invoice.Id));
        paid.Payments.Select(p => p.Number).ShouldBe([second.Number, $"{invoice.Number}/3"], ignoreOrder: true);
        (paid.Status, paid.PaidAmount).ShouldBe((PurchaseInvoiceStatus.Paid, 565.00m));
    }
}
