using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>Sales returns: goods back from a posted delivery at the cost they left at, to the original warehouse or to quarantine.</summary>
public sealed class SalesReturnTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<(SalesCompany Shop, Guid OrderId, Guid DeliveryId, Guid Quarantine)> DeliveredAsync()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.ReceiveStockAsync("SKU-1", 100m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        var quarantine = await shop.Stock.InTransactionAsync(async sp => (await sp.GetRequiredService<WarehouseManager>().CreateAsync("QC", "Quarantine", null, true)).Id);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 30m));
        await shop.ConfirmAsync(orderId);
        var deliveryId = await shop.DeliverAsync(orderId);
        return (shop, orderId, deliveryId, quarantine);
    }

    private static Task<Guid> ReturnAsync(SalesCompany shop, Guid deliveryId, decimal quantity, SalesReturnDestination destination, Guid? quarantine = null) =>
        shop.AsSalespersonAsync<ISalesReturnAppService, Guid>(returns => returns.CreateAsync(new SalesReturnInput
        {
            RequestId = Guid.NewGuid(), DeliveryId = deliveryId, Destination = destination, QuarantineWarehouseId = quarantine, Reason = "Damaged in transit",
            Lines = [new SalesReturnLineInput { DeliveryLineNumber = 1, Quantity = quantity }],
        }));

    private static async Task<StockLevel> LevelAsync(SalesCompany shop, Guid warehouseId) =>
        (await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([shop.Product("SKU-1")], warehouseId)))[shop.Product("SKU-1")];

    [Fact]
    public async Task A_return_to_the_original_warehouse_puts_the_goods_back_on_hand_at_the_delivery_cost_and_reopens_the_order_line()
    {
        var (shop, orderId, deliveryId, quarantine) = await DeliveredAsync();
        var before = await shop.LevelAsync("SKU-1");

        var returnId = await ReturnAsync(shop, deliveryId, 4m, SalesReturnDestination.OriginalWarehouse);
        var after = await shop.LevelAsync("SKU-1");
        var returned = await shop.AsSalespersonAsync<ISalesReturnAppService, SalesReturnDto>(returns => returns.GetAsync(returnId));
        var delivery = await shop.AsSalespersonAsync<ISalesDeliveryAppService, SalesDeliveryDto>(deliveries => deliveries.GetAsync(deliveryId));
        var order = await shop.GetOrderAsync(orderId);

        (before.OnHand, before.Reserved).ShouldBe((70m, 0m));
        // The order line is open again for 4 and holds them: on hand 74, 4 reserved for the replacement.
        (after.OnHand, after.Reserved, after.Available).ShouldBe((74m, 4m, 70m));
        (await LevelAsync(shop, quarantine)).OnHand.ShouldBe(0m);
        (returned.Status, returned.Destination, returned.WarehouseCode, returned.Lines[0].Quantity, returned.Lines[0].UnitCost, returned.CreditedAmount)
            .ShouldBe((SalesReturnStatus.Posted, SalesReturnDestination.OriginalWarehouse, "WH01", 4m, 5m, 0m));
        returned.Timeline.Single().Comment.ShouldBe("Damaged in transit");
        delivery.Lines[0].ReturnedQuantity.ShouldBe(4m);
        (order.Status, order.Lines[0].ReturnedQuantity, order.Lines[0].OpenQuantity).ShouldBe((SalesOrderStatus.PartiallyDelivered, 4m, 4m));
    }

    [Fact]
    public async Task A_return_to_quarantine_adds_to_the_quarantine_warehouse_only_and_a_return_of_invoiced_goods_credits_the_invoice()
    {
        var (shop, _, deliveryId, quarantine) = await DeliveredAsync();
        var invoiceId = await shop.InvoiceAsync(deliveryId);
        await shop.ReceiveAsync(invoiceId, 100m);

        var returnId = await ReturnAsync(shop, deliveryId, 10m, SalesReturnDestination.Quarantine, quarantine);
        var main = await shop.LevelAsync("SKU-1");
        var held = await LevelAsync(shop, quarantine);
        var invoice = await shop.AsSalespersonAsync<ISalesInvoiceAppService, SalesInvoiceDto>(invoices => invoices.GetAsync(invoiceId));
        var returned = await shop.AsSalespersonAsync<ISalesReturnAppService, SalesReturnDto>(returns => returns.GetAsync(returnId));
        var cost = await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<ErpSaaS.Inventory.Documents.IStockBook>().GetAverageUnitCostAsync(shop.Product("SKU-1"), quarantine));

        // 10 back into QC at the 5.00 they left at; WH01 keeps its 70 (the reopened line cannot reserve quarantined goods).
        (main.OnHand, main.Reserved).ShouldBe((70m, 10m));
        (held.OnHand, held.Available).ShouldBe((10m, 10m));
        // 30 × 10 + 13 % = 339 invoiced; 10 returned = 113 credited; 100 received → 126 open.
        (invoice.TotalAmount, invoice.ReceivedAmount, invoice.CreditedAmount, invoice.OpenAmount, invoice.Status)
            .ShouldBe((339m, 100m, 113m, 126m, SalesInvoiceStatus.PartiallyReceived));
        (returned.WarehouseCode, returned.CreditedAmount).ShouldBe(("QC", 113m));
        cost.ShouldBe(5m);
    }

    [Fact]
    public async Task Returning_more_than_was_delivered_and_not_yet_returned_is_refused_at_the_line()
    {
        var (shop, _, deliveryId, quarantine) = await DeliveredAsync();
        await ReturnAsync(shop, deliveryId, 25m, SalesReturnDestination.OriginalWarehouse);

        var refused = await Should.ThrowAsync<BusinessException>(() => ReturnAsync(shop, deliveryId, 6m, SalesReturnDestination.OriginalWarehouse));
        var noWarehouse = await Should.ThrowAsync<BusinessException>(() => ReturnAsync(shop, deliveryId, 1m, SalesReturnDestination.Quarantine, shop.Warehouse()));
        var level = await shop.LevelAsync("SKU-1");

        (refused.Code, refused.Field).ShouldBe((SalesErrorCodes.ReturnExceedsDelivered, "Lines[0].Quantity"));
        refused.Args.ShouldBe([1, 5m]);
        (noWarehouse.Code, noWarehouse.Field).ShouldBe((SalesErrorCodes.ReturnWarehouseInvalid, "QuarantineWarehouseId"));
        level.OnHand.ShouldBe(95m);
        (await LevelAsync(shop, quarantine)).OnHand.ShouldBe(0m);
    }
}
