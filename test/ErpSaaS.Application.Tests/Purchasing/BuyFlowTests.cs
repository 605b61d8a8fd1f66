using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// The buy flow as a purchaser and a warehouse keeper live it: an order defaulted from the supplier's price list,
/// approved, received in two goes with inspection, with the exact on-hand, on-order and order status after each step.
/// </summary>
public sealed class BuyFlowTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task Order_approval_and_two_receipts_leave_exact_stock_on_order_and_status()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 4m);
        await acme.AddSupplierAsync("S-1", leadTimeDays: 7);
        await acme.ListAsync("S-1", "P-1", price: 5.00m, leadTimeDays: 5);

        // 10 boxes of 10 with no price typed: the supplier's ¥5.00 a piece makes ¥50 a box, tax 13 % from the product.
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m, Unit = "BOX" });
        var draft = await acme.Orders(s => s.GetAsync(order));
        var line = draft.Lines.Single();
        (line.UnitPrice, line.BaseQuantity, line.TaxRate, line.NetAmount, line.TaxAmount).ShouldBe((50m, 100m, 0.13m, 500.00m, 65.00m));
        (draft.NetAmount, draft.TaxAmount, draft.TotalAmount, draft.CurrencyCode).ShouldBe((500.00m, 65.00m, 565.00m, "CNY"));
        line.ExpectedDate.ShouldBe(draft.OrderDate.AddDays(5));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 0m));

        // No approval step applies: submitting approves it, and 100 pieces are on order.
        await acme.SubmitAsync(order);
        var approved = await acme.Orders(s => s.GetAsync(order));
        approved.Status.ShouldBe(PurchaseOrderStatus.Approved);
        approved.Timeline.Select(e => e.Status).ShouldBe(["Draft", "PendingApproval", "Approved"]);
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 100m));

        // 6 boxes arrive; half a box fails inspection and goes to quarantine: 55 pieces in WH01, 5 in QC01, 40 still on order.
        var first = await acme.ReceiveAsync(order, acme.Warehouse("QC01"), new GoodsReceiptLineInput
        {
            OrderLineNumber = 1, AcceptedQuantity = 5.5m, RejectedQuantity = 0.5m, RejectReason = "Crushed cartons", Disposition = RejectedGoodsDisposition.Quarantine,
        });
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((55m, 40m));
        (await acme.LevelAsync("P-1", "QC01")).ShouldBe((5m, 0m));
        var partly = await acme.Orders(s => s.GetAsync(order));
        partly.Status.ShouldBe(PurchaseOrderStatus.PartiallyReceived);
        (partly.Lines.Single().ReceivedQuantity, partly.Lines.Single().OpenQuantity).ShouldBe((60m, 40m));
        var posted = await acme.Receipts(s => s.GetAsync(first));
        posted.Status.ShouldBe(GoodsReceiptStatus.Posted);
        (posted.Lines.Single().BaseUnitCost, posted.Lines.Single().PostedValue).ShouldBe((5.00m, 300.00m));

        // The rest: 4 boxes accepted, half a box more handed back to the driver (never stock, not counted as received).
        await acme.ReceiveAsync(order, null, new GoodsReceiptLineInput
        {
            OrderLineNumber = 1, AcceptedQuantity = 4m, RejectedQuantity = 0.5m, RejectReason = "Wrong colour", Disposition = RejectedGoodsDisposition.ReturnToSupplier,
        });
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((95m, 0m));
        (await acme.LevelAsync("P-1", "QC01")).ShouldBe((5m, 0m));
        var received = await acme.Orders(s => s.GetAsync(order));
        received.Status.ShouldBe(PurchaseOrderStatus.ToInvoice);
        received.Lines.Single().OpenQuantity.ShouldBe(0m);
    }

    [Fact]
    public async Task A_receipt_beyond_the_order_is_refused_unless_within_the_tolerance()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 2m);
        await acme.AddSupplierAsync("S-1");
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 100m });
        await acme.SubmitAsync(order);

        var refused = await Should.ThrowAsync<BusinessException>(() =>
            acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 101m }));
        (refused.Code, refused.Field).ShouldBe((PurchasingErrorCodes.OverReceipt, "Lines[0].ReceivedQuantity"));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 100m));

        // 5 % tolerance: 106 may not come, 105 may; then the order is fully received and takes no more receipts.
        await acme.SetAsync(PurchasingSettings.OverReceiptTolerancePercent, "5");
        (await Should.ThrowAsync<BusinessException>(() =>
            acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 106m }))).Code.ShouldBe(PurchasingErrorCodes.OverReceipt);
        await acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 105m });
        (await acme.Orders(s => s.GetAsync(order))).Status.ShouldBe(PurchaseOrderStatus.ToInvoice);
        (await Should.ThrowAsync<BusinessException>(() =>
            acme.ReceiveAsync(order, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 1m }))).Code.ShouldBe(PurchasingErrorCodes.OrderNotReceivable);
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((105m, 0m));
    }

    [Fact]
    public async Task Cancelling_removes_what_is_on_order_and_closing_short_closes_the_rest()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 3m);
        await acme.AddSupplierAsync("S-1");
        var cancelled = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 30m });
        var closed = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 50m });
        await acme.SubmitAsync(cancelled);
        await acme.SubmitAsync(closed);
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 80m));

        var noReason = await Should.ThrowAsync<BusinessException>(() =>
            acme.Orders(async s => await s.CancelAsync(cancelled, new() { Version = (await s.GetAsync(cancelled)).Version })));
        (noReason.Code, noReason.Field).ShouldBe((PurchasingErrorCodes.ReasonRequired, "Reason"));
        await acme.Orders(async s => await s.CancelAsync(cancelled, new() { Version = (await s.GetAsync(cancelled)).Version, Reason = "Supplier out of stock" }));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 50m));
        var cancelledOrder = await acme.Orders(s => s.GetAsync(cancelled));
        (cancelledOrder.Status, cancelledOrder.Timeline[^1].Comment).ShouldBe((PurchaseOrderStatus.Cancelled, "Supplier out of stock"));

        await acme.ReceiveAsync(closed, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 20m });
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((20m, 30m));
        (await Should.ThrowAsync<BusinessException>(() =>
            acme.Orders(async s => await s.CancelAsync(closed, new() { Version = (await s.GetAsync(closed)).Version, Reason = "Too late" })))).Code
            .ShouldBe(PurchasingErrorCodes.CancelAfterReceipt);
        await acme.Orders(async s => await s.CloseAsync(closed, new() { Version = (await s.GetAsync(closed)).Version, Reason = "Rest no longer needed" }));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((20m, 0m));
        (await acme.Orders(s => s.GetAsync(closed))).Status.ShouldBe(PurchaseOrderStatus.Closed);
    }

    [Fact]
    public async Task An_order_above_the_flow_amount_is_on_order_only_once_the_boss_approves_and_a_rejection_makes_it_a_draft_again()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 100m);
        await acme.AddSupplierAsync("S-1");
        await acme.RequireBossApprovalFromAsync(1000m);

        // ¥113.00 with tax stays below the boss's threshold; ¥1,130.00 waits for him.
        var small = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 1m });
        await acme.SubmitAsync(small);
        (await acme.Orders(s => s.GetAsync(small))).Status.ShouldBe(PurchaseOrderStatus.Approved);
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m });
        await acme.SubmitAsync(order);
        var pending = await acme.Orders(s => s.GetAsync(order));
        (pending.Status, pending.TotalAmount).ShouldBe((PurchaseOrderStatus.PendingApproval, 1130.00m));
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 1m));

        await acme.DecideAsBossAsync(pending.Number, approve: false, "Ask for a better price");
        var rejected = await acme.Orders(s => s.GetAsync(order));
        (rejected.Status, rejected.Timeline[^1].Status, rejected.Timeline[^1].Comment).ShouldBe((PurchaseOrderStatus.Draft, "Draft", "Ask for a better price"));

        await acme.SubmitAsync(order);
        await acme.DecideAsBossAsync(pending.Number, approve: true, null);
        (await acme.Orders(s => s.GetAsync(order))).Status.ShouldBe(PurchaseOrderStatus.Approved);
        (await acme.LevelAsync("P-1", "WH01")).ShouldBe((0m, 11m));
    }

    [Fact]
    public async Task The_supplier_confirmed_date_moves_when_the_goods_are_expected()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 3m);
        await acme.AddSupplierAsync("S-1", leadTimeDays: 3);
        var order = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m });
        await acme.SubmitAsync(order);
        var approved = await acme.Orders(s => s.GetAsync(order));
        await acme.Orders(async s => await s.MarkSentAsync(order, new() { Version = approved.Version }));
        var confirmed = approved.OrderDate.AddDays(12);
        await acme.Orders(async s => await s.ConfirmDateAsync(order, new() { Version = (await s.GetAsync(order)).Version, ConfirmedDate = confirmed }));

        var sent = await acme.Orders(s => s.GetAsync(order));
        (sent.Status, sent.ConfirmedDate).ShouldBe((PurchaseOrderStatus.Sent, (DateOnly?)confirmed));
        var dueOn = await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpSaaS.EntityFrameworkCore.ErpDbContext>().StockSupplies
            .Where(s => s.SourceId == order).Select(s => s.DueOn).SingleAsync());
        dueOn.ShouldBe(confirmed);
    }

    [Fact]
    public async Task A_double_submitted_form_creates_one_order_and_a_stale_edit_is_refused()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 3m);
        await acme.AddSupplierAsync("S-1");
        var input = new PurchaseOrderInput
        {
            RequestId = Guid.NewGuid(), SupplierId = acme.Supplier("S-1"), WarehouseId = acme.Warehouse("WH01"),
            Lines = [new() { Product = "P-1", Quantity = 5m, UnitPrice = 3.5m }],
        };
        var ids = await Task.WhenAll(acme.Orders(s => s.CreateAsync(input)), acme.Orders(s => s.CreateAsync(input)));
        ids[0].ShouldBe(ids[1]);
        (await acme.Orders(s => s.GetListAsync(new PurchaseOrderListQuery()))).TotalCount.ShouldBe(1);

        var shown = await acme.Orders(s => s.GetAsync(ids[0]));
        var first = shown.ToInput();
        first.Lines[0].Quantity = 6m;
        await acme.Orders(s => s.UpdateAsync(ids[0], first));
        var stale = shown.ToInput();
        stale.Lines[0].Quantity = 7m;
        (await Should.ThrowAsync<BusinessException>(() => acme.Orders(s => s.UpdateAsync(ids[0], stale)))).Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        (await acme.Orders(s => s.GetAsync(ids[0]))).Lines.Single().Quantity.ShouldBe(6m);
    }

    [Fact]
    public async Task The_price_defaults_to_the_last_price_paid_then_the_list_price_then_the_standard_cost()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 4m);
        await acme.AddSupplierAsync("S-1");
        await acme.AddSupplierAsync("S-2");
        await acme.ListAsync("S-1", "P-1", price: 5m);

        var fromStandardCost = await acme.CreateOrderAsync("S-2", new PurchaseOrderLineInput { Product = "P-1", Quantity = 1m });
        (await acme.Orders(s => s.GetAsync(fromStandardCost))).Lines.Single().UnitPrice.ShouldBe(4m);
        var fromList = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 1m });
        (await acme.Orders(s => s.GetAsync(fromList))).Lines.Single().UnitPrice.ShouldBe(5m);

        // Bought by the box at ¥46: the next order of pieces from S-1 defaults to ¥4.60.
        var paid = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 2m, Unit = "BOX", UnitPrice = 46m });
        await acme.SubmitAsync(paid);
        var next = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 1m });
        (await acme.Orders(s => s.GetAsync(next))).Lines.Single().UnitPrice.ShouldBe(4.6m);
    }
}
