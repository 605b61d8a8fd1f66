using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Purchasing;

public sealed class PurchaseOrderTests
{
    private static readonly PurchasingActor Buyer = new(Guid.NewGuid(), "buyer", new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 2));
    private static readonly Product Bolt = new("BOLT", new ProductDetails { Name = "Bolt", BaseUnit = "PCS", UnitConversions = [new("BOX", 12m)] });
    private static readonly TaxRate Vat13 = new("VAT13", "VAT 13%", 0.13m, true);

    private static PurchaseOrder Order(params PurchaseOrderLineDetails[] lines)
    {
        var order = new PurchaseOrder("PO-1", Guid.NewGuid(), new Supplier("S-1", "Supplier", "CNY"), Guid.NewGuid(), null, Buyer);
        order.Change(order.WarehouseId, null, lines, Buyer);
        return order;
    }

    private static PurchaseOrderLineDetails Line(decimal quantity, decimal price, string unit = "PCS", TaxRate? tax = null) =>
        new(Bolt, quantity, unit, price, tax ?? Vat13, Buyer.Today.AddDays(3));

    [Fact]
    public void Tax_is_rounded_to_the_cent_on_each_line_and_the_totals_are_the_sums_of_the_rounded_lines()
    {
        // 3 × 0.35 = 1.05 net, 13 % = 0.1365 → 0.14 per line; rounding the total tax instead would give 0.41, not 0.42.
        var order = Order(Line(3m, 0.35m), Line(3m, 0.35m), Line(3m, 0.35m));

        order.Lines.Select(l => (l.NetAmount, l.TaxAmount)).ShouldAllBe(l => l.NetAmount == 1.05m && l.TaxAmount == 0.14m);
        (order.NetAmount, order.TaxAmount, order.TotalAmount).ShouldBe((3.15m, 0.42m, 3.57m));
    }

    [Fact]
    public void A_line_in_boxes_is_kept_in_pieces_too_and_its_base_price_is_per_piece()
    {
        var order = Order(Line(2m, 60m, "BOX"));

        (order.Lines[0].BaseQuantity, order.Lines[0].BaseUnitPrice, order.Lines[0].NetAmount).ShouldBe((24m, 5m, 120.00m));
    }

    [Fact]
    public void An_approved_order_can_no_longer_be_changed_and_only_a_pending_one_can_be_approved()
    {
        var order = Order(Line(1m, 1m));
        Should.Throw<BusinessException>(() => order.Approve(Buyer)).Code.ShouldBe(PurchasingErrorCodes.StatusChangeNotAllowed);
        order.Submit(Buyer);
        order.Approve(Buyer);

        Should.Throw<BusinessException>(() => order.Change(order.WarehouseId, null, [Line(5m, 1m)], Buyer)).Code.ShouldBe(PurchasingErrorCodes.NotEditable);
        order.Timeline.Select(e => e.Status).ShouldBe([PurchaseOrderStatus.Draft, PurchaseOrderStatus.PendingApproval, PurchaseOrderStatus.Approved]);
    }

    [Fact]
    public void Receiving_beyond_the_order_and_its_tolerance_is_refused_naming_what_may_still_come()
    {
        var order = Order(Line(10m, 1m));
        order.Submit(Buyer);
        order.Approve(Buyer);

        order.Receive(1, 8m, 10m, "Lines[0].ReceivedQuantity");
        var refused = Should.Throw<BusinessException>(() => order.Receive(1, 4m, 10m, "Lines[0].ReceivedQuantity"));

        (refused.Code, refused.Field).ShouldBe((PurchasingErrorCodes.OverReceipt, "Lines[0].ReceivedQuantity"));
        refused.Args.ShouldBe([1, 3m, 10m]);
        order.Lines[0].OpenQuantity.ShouldBe(2m);
    }

    [Fact]
    public void An_order_with_receipts_cannot_be_cancelled_but_can_be_closed_with_a_reason()
    {
        var order = Order(Line(10m, 1m));
        order.Submit(Buyer);
        order.Approve(Buyer);
        order.Receive(1, 4m, 0m, "Lines[0].ReceivedQuantity");
        order.UpdateReceiptStatus(Buyer, "GR-1");

        Should.Throw<BusinessException>(() => order.Cancel("No longer needed", Buyer)).Code.ShouldBe(PurchasingErrorCodes.CancelAfterReceipt);
        Should.Throw<BusinessException>(() => order.Close(" ", Buyer)).Code.ShouldBe(PurchasingErrorCodes.ReasonRequired);
        order.Close("Rest not needed", Buyer);

        (order.Status, order.IsOpen, order.Timeline[^1].Comment).ShouldBe((PurchaseOrderStatus.Closed, false, "Rest not needed"));
    }

    [Fact]
    public void The_supplier_confirmed_date_of_a_line_wins_over_the_orders_and_the_planned_one()
    {
        var order = Order(Line(1m, 1m), Line(2m, 1m));
        order.Submit(Buyer);
        order.Approve(Buyer);
        order.ConfirmDate(new DateOnly(2026, 11, 20), null, Buyer);
        order.ConfirmDate(new DateOnly(2026, 11, 25), 2, Buyer);

        order.Lines.Select(order.DueOn).ShouldBe([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 25)]);
        Should.Throw<BusinessException>(() => order.ConfirmDate(new DateOnly(2026, 11, 1), null, Buyer)).Code.ShouldBe(PurchasingErrorCodes.ConfirmedDateBeforeOrder);
    }
}
