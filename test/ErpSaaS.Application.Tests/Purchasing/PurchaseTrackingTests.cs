using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>The purchase order tracking board: each order in its stage, late goods and approvals past their time limit marked (the class moves its own clock).</summary>
public sealed class PurchaseTrackingTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static PurchaseOrderLineInput Line(decimal quantity, decimal price, DateOnly expected) =>
        new() { Product = "P-1", Quantity = quantity, UnitPrice = price, ExpectedDate = expected };

    private static Task<PurchaseTrackingBoardDto> BoardAsync(PurchasingCompany acme, PurchaseTrackingQuery? query = null) =>
        acme.InCompanyAsync(sp => sp.GetRequiredService<IPurchaseTrackingAppService>().GetBoardAsync(query ?? new PurchaseTrackingQuery { PageSize = 100 }));

    private static async Task<string> NumberAsync(PurchasingCompany acme, Guid order) => (await acme.Orders(s => s.GetAsync(order))).Number;

    private static async Task InvoiceAsync(PurchasingCompany acme, Guid order, decimal pay)
    {
        var input = await acme.Invoices(s => s.NewForOrderAsync(order));
        input.SupplierReference = "FP-" + Guid.NewGuid().ToString("N")[..6];
        var id = await acme.Invoices(s => s.CreateAsync(input));
        await acme.Invoices(async s => await s.SubmitAsync(id, new PurchasingActionInput { Version = (await s.GetAsync(id)).Version }));
        if (pay > 0m)
        {
            await acme.Invoices(async s => await s.PayAsync(id, new PurchasePaymentInput
            {
                Version = (await s.GetAsync(id)).Version, Amount = pay, PaidOn = (await s.GetAsync(id)).InvoiceDate, Method = PaymentMethod.BankTransfer, Reference = "BK-1",
            }));
        }
    }

    private async Task<(PurchasingCompany Acme, DateOnly Today)> CompanyAsync()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.AddSupplierAsync("S-1");
        await acme.AddSupplierAsync("S-2");
        // Orders from ¥1,000 wait for the boss, who has 4 hours to decide.
        var boss = await fixture.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder, new ApprovalStepInput
        {
            Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 1000m, SlaHours = 4,
        }));
        var today = await acme.InCompanyAsync(async sp => (await sp.GetRequiredService<PurchasingActors>().CurrentAsync()).Today);
        return (acme, today);
    }

    [Fact]
    public async Task Each_order_sits_in_its_stage_and_a_finished_order_only_shows_when_asked_for()
    {
        var (acme, today) = await CompanyAsync();
        var later = today.AddDays(10);
        var draft = await acme.CreateOrderAsync("S-1", Line(1m, 5m, later));
        var pending = await acme.CreateOrderAsync("S-1", Line(100m, 20m, later));
        var approved = await acme.CreateOrderAsync("S-1", Line(1m, 5m, later));
        var sent = await acme.CreateOrderAsync("S-1", Line(1m, 5m, later));
        var confirmed = await acme.CreateOrderAsync("S-1", Line(1m, 5m, later));
        var partly = await acme.CreateOrderAsync("S-1", Line(10m, 5m, later));
        var toInvoice = await acme.CreateOrderAsync("S-1", Line(10m, 5m, later));
        var toPay = await acme.CreateOrderAsync("S-1", Line(10m, 5m, later));
        var paid = await acme.CreateOrderAsync("S-1", Line(10m, 5m, later));
        foreach (var order in new[] { pending, approved, sent, confirmed, partly, toInvoice, toPay, paid }) await acme.SubmitAsync(order);
        await acme.Orders(async s => await s.MarkSentAsync(sent, new PurchasingActionInput { Version = (await s.GetAsync(sent)).Version }));
        await acme.Orders(async s => await s.MarkSentAsync(confirmed, new PurchasingActionInput { Version = (await s.GetAsync(confirmed)).Version }));
        await acme.Orders(async s => await s.ConfirmDateAsync(confirmed, new ConfirmDateInput { Version = (await s.GetAsync(confirmed)).Version, ConfirmedDate = today.AddDays(5) }));
        await acme.ReceiveAsync(partly, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 4m });
        foreach (var order in new[] { toInvoice, toPay, paid }) await acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        // 10 × ¥5 + 13 % VAT = ¥56.50: one invoice waits for payment, the other is paid in full.
        await InvoiceAsync(acme, toPay, 0m);
        await InvoiceAsync(acme, paid, 56.50m);

        var board = await BoardAsync(acme);
        var open = await BoardAsync(acme, new PurchaseTrackingQuery { PageSize = 100, IncludeFinished = true });
        var onlyToPay = await BoardAsync(acme, new PurchaseTrackingQuery { Stage = PurchaseOrderStage.ToPay });

        var stages = board.Rows.Items.ToDictionary(r => r.Number, r => r.Stage);
        stages.ShouldBe(new Dictionary<string, PurchaseOrderStage>
        {
            [await NumberAsync(acme, draft)] = PurchaseOrderStage.Draft,
            [await NumberAsync(acme, pending)] = PurchaseOrderStage.AwaitingApproval,
            [await NumberAsync(acme, approved)] = PurchaseOrderStage.ApprovedNotSent,
            [await NumberAsync(acme, sent)] = PurchaseOrderStage.AwaitingConfirmation,
            [await NumberAsync(acme, confirmed)] = PurchaseOrderStage.AwaitingReceipt,
            [await NumberAsync(acme, partly)] = PurchaseOrderStage.PartlyReceived,
            [await NumberAsync(acme, toInvoice)] = PurchaseOrderStage.ToInvoice,
            [await NumberAsync(acme, toPay)] = PurchaseOrderStage.ToPay,
        }, ignoreOrder: true);
        board.Counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value).ShouldBe(new Dictionary<PurchaseOrderStage, int>
        {
            [PurchaseOrderStage.Draft] = 1, [PurchaseOrderStage.AwaitingApproval] = 1, [PurchaseOrderStage.ApprovedNotSent] = 1,
            [PurchaseOrderStage.AwaitingConfirmation] = 1, [PurchaseOrderStage.AwaitingReceipt] = 1, [PurchaseOrderStage.PartlyReceived] = 1,
            [PurchaseOrderStage.ToInvoice] = 1, [PurchaseOrderStage.ToPay] = 1,
        }, ignoreOrder: true);
        var partlyRow = board.Rows.Items.Single(r => r.Stage == PurchaseOrderStage.PartlyReceived);
        (partlyRow.OpenLines, partlyRow.Lines, partlyRow.OpenQuantity, partlyRow.DueOn).ShouldBe((1, 1, 6m, later));
        board.Rows.Items.Single(r => r.Stage == PurchaseOrderStage.AwaitingReceipt).DueOn.ShouldBe(today.AddDays(5));
        board.Rows.Items.Single(r => r.Stage == PurchaseOrderStage.ToPay).OpenPayable.ShouldBe(56.50m);
        var paidNumber = await NumberAsync(acme, paid);
        open.Rows.Items.Single(r => r.Number == paidNumber).Stage.ShouldBe(PurchaseOrderStage.Finished);
        onlyToPay.Rows.Items.Select(r => r.Number).ShouldBe([await NumberAsync(acme, toPay)]);
        onlyToPay.Counts[PurchaseOrderStage.Draft].ShouldBe(1);
        board.OverdueCount.ShouldBe(0);
    }

    [Fact]
    public async Task Goods_past_their_due_date_are_late_until_received_and_an_approval_past_its_time_limit_is_marked()
    {
        var (acme, today) = await CompanyAsync();
        var tomorrow = today.AddDays(1);
        var late = await acme.CreateOrderAsync("S-1", Line(10m, 5m, tomorrow));
        var partly = await acme.CreateOrderAsync("S-1", Line(10m, 5m, tomorrow));
        var received = await acme.CreateOrderAsync("S-1", Line(10m, 5m, tomorrow));
        var confirmedLater = await acme.CreateOrderAsync("S-1", Line(10m, 5m, tomorrow));
        var otherSupplier = await acme.CreateOrderAsync("S-2", Line(10m, 5m, tomorrow));
        var pending = await acme.CreateOrderAsync("S-1", Line(100m, 20m, today.AddDays(30)));
        foreach (var order in new[] { late, partly, received, confirmedLater, otherSupplier, pending }) await acme.SubmitAsync(order);
        await acme.Orders(async s => await s.ConfirmDateAsync(confirmedLater, new ConfirmDateInput { Version = (await s.GetAsync(confirmedLater)).Version, ConfirmedDate = today.AddDays(9) }));
        await acme.ReceiveAsync(partly, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 4m });
        await acme.ReceiveAsync(received, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        var submittedAt = fixture.Clock.GetUtcNow();

        var onTime = await BoardAsync(acme);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var afterThreeDays = await BoardAsync(acme);
        var overdueOfS1 = await BoardAsync(acme, new PurchaseTrackingQuery { PageSize = 100, OverdueOnly = true, SupplierId = acme.Supplier("S-1") });

        onTime.OverdueCount.ShouldBe(0);
        var waiting = onTime.Rows.Items.Single(r => r.Stage == PurchaseOrderStage.AwaitingApproval);
        (waiting.ApprovalDueAt, waiting.ApprovalOverdue).ShouldBe((submittedAt.AddHours(4), false));
        // Due tomorrow, seen three days on: two days late while anything is still to come.
        var marks = afterThreeDays.Rows.Items.ToDictionary(r => r.Number, r => (r.ReceiptLate, r.DaysLate, r.ApprovalOverdue));
        marks[await NumberAsync(acme, late)].ShouldBe((true, 2, false));
        marks[await NumberAsync(acme, partly)].ShouldBe((true, 2, false));
        marks[await NumberAsync(acme, otherSupplier)].ShouldBe((true, 2, false));
        marks[await NumberAsync(acme, received)].ShouldBe((false, 0, false));
        marks[await NumberAsync(acme, confirmedLater)].ShouldBe((false, 0, false));
        marks[await NumberAsync(acme, pending)].ShouldBe((false, 0, true));
        afterThreeDays.OverdueCount.ShouldBe(4);
        overdueOfS1.Rows.Items.Select(r => r.Number).ShouldBe(
            [await NumberAsync(acme, pending), await NumberAsync(acme, partly), await NumberAsync(acme, late)], ignoreOrder: true);
    }
}
