using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using Shouldly;
using Xunit;

namespace ErpSaaS.Domain.Tests.Purchasing;

public sealed class PurchaseInvoiceMatchTests
{
    private static readonly PurchasingActor Clerk = new(Guid.NewGuid(), "clerk", new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 2));
    private static readonly Product Bolt = new("BOLT", new ProductDetails { Name = "Bolt", BaseUnit = "PCS", UnitConversions = [new("BOX", 12m)] });

    /// <summary>An approved order for 5 boxes at ¥60, 4 boxes (48 pieces) received.</summary>
    private static PurchaseOrder ReceivedOrder()
    {
        var order = new PurchaseOrder("PO-1", Guid.NewGuid(), new Supplier("S-1", "Supplier", "CNY"), Guid.NewGuid(), null, Clerk);
        order.Change(order.WarehouseId, null, [new PurchaseOrderLineDetails(Bolt, 5m, "BOX", 60m, null, Clerk.Today)], Clerk);
        order.Submit(Clerk);
        order.Approve(Clerk);
        order.Receive(1, 48m, 0m, "Lines[0].ReceivedQuantity");
        return order;
    }

    private static PurchaseInvoice Invoice(PurchaseOrder order, decimal boxes, decimal price)
    {
        var invoice = new PurchaseInvoice("PI-1", Guid.NewGuid(), order, Clerk);
        invoice.Change(Clerk.Today, null, null, [new PurchaseInvoiceLineDetails(order.Line(1), boxes, price)], Clerk);
        return invoice;
    }

    [Theory]
    [InlineData(61.2, true)]
    [InlineData(58.8, true)]
    [InlineData(61.21, false)]
    [InlineData(58.79, false)]
    public void A_price_exactly_at_the_tolerance_matches_and_a_cent_beyond_it_does_not(double price, bool matches)
    {
        var order = ReceivedOrder();
        var invoice = Invoice(order, 4m, (decimal)price);

        invoice.Submit(order, 2m, Clerk).ShouldBe(matches);
        (invoice.Status, invoice.IsPriceMismatch).ShouldBe((PurchaseInvoiceStatus.PendingApproval, !matches));
        order.Line(1).InvoicedQuantity.ShouldBe(48m);
    }

    [Fact]
    public void More_boxes_than_received_are_refused_with_what_is_left_in_the_order_unit()
    {
        var order = ReceivedOrder();

        var refused = Should.Throw<BusinessException>(() => Invoice(order, 4.5m, 60m).Submit(order, 0m, Clerk));

        (refused.Code, refused.Field).ShouldBe((PurchasingErrorCodes.OverInvoiced, "Lines[0].Quantity"));
        refused.Args.ShouldBe([1, 4m, "BOX"]);
        order.Line(1).InvoicedQuantity.ShouldBe(0m);
    }

    [Fact]
    public void The_coefficient_of_variation_is_the_population_deviation_over_the_mean()
    {
        SupplierPerformanceMath.CoefficientOfVariation([4m, 6m])!.Value.ShouldBe(0.2m, 0.0000001m);
        SupplierPerformanceMath.CoefficientOfVariation([5m, 5m, 5m]).ShouldBe(0m);
        SupplierPerformanceMath.CoefficientOfVariation([]).ShouldBeNull();
        SupplierPerformanceMath.Percent(1m, 3m).ShouldBe(33.33m);
        SupplierPerformanceMath.Percent(1m, 0m).ShouldBeNull();
    }
}
