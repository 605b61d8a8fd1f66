using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>The sell flow of DOMAIN.md: order → confirmation (reserves) → partial deliveries → invoices → receipts.</summary>
public sealed class SalesFlowTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SalesCompany> ShopAsync(decimal stock = 100m)
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.ReceiveStockAsync("SKU-1", stock, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        return shop;
    }

    [Fact]
    public async Task Whole_sell_flow_moves_stock_reservations_status_and_receivables_step_by_step()
    {
        var shop = await ShopAsync();
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 30m));
        var draft = await shop.GetOrderAsync(orderId);

        var confirmed = await shop.ConfirmAsync(orderId);
        var afterConfirm = await shop.LevelAsync("SKU-1");

        var firstDelivery = await shop.DeliverAsync(orderId, (1, 20m));
        var afterFirstDelivery = await shop.LevelAsync("SKU-1");
        var partiallyDelivered = await shop.GetOrderAsync(orderId);

        var firstInvoice = await shop.InvoiceAsync(firstDelivery);
        await shop.ReceiveAsync(firstInvoice, 100m);
        var partlyPaid = await shop.GetOrderAsync(orderId);

        var secondDelivery = await shop.DeliverAsync(orderId);
        var afterSecondDelivery = await shop.LevelAsync("SKU-1");
        var delivered = await shop.GetOrderAsync(orderId);

        var secondInvoice = await shop.InvoiceAsync(secondDelivery);
        await shop.ReceiveAsync(firstInvoice, 126m);
        await shop.ReceiveAsync(secondInvoice, 113m);
        var completed = await shop.GetOrderAsync(orderId);
        var invoice = await shop.AsSalespersonAsync<ISalesInvoiceAppService, SalesInvoiceDto>(invoices => invoices.GetAsync(firstInvoice));
        var posted = await shop.AsSalespersonAsync<ISalesDeliveryAppService, SalesDeliveryDto>(deliveries => deliveries.GetAsync(firstDelivery));

        (draft.Status, draft.NetAmount, draft.TaxAmount, draft.TotalAmount, draft.Lines[0].UnitPrice, draft.Lines[0].TaxRate)
            .ShouldBe((SalesOrderStatus.Draft, 300m, 39m, 339m, 10m, 0.13m));
        confirmed.ShouldBe(SalesOrderStatus.Confirmed);
        (afterConfirm.OnHand, afterConfirm.Reserved, afterConfirm.Available).ShouldBe((100m, 30m, 70m));
        (afterFirstDelivery.OnHand, afterFirstDelivery.Reserved, afterFirstDelivery.Available).ShouldBe((80m, 10m, 70m));
        (partiallyDelivered.Status, partiallyDelivered.ToDeliverQuantity, partiallyDelivered.ToInvoiceQuantity, partiallyDelivered.Lines[0].ReservedQuantity)
            .ShouldBe((SalesOrderStatus.PartiallyDelivered, 10m, 20m, 10m));
        (posted.Status, posted.Lines[0].PostedUnitCost, posted.Lines[0].PostedValue).ShouldBe((SalesDeliveryStatus.Posted, 5m, 100m));
        (partlyPaid.InvoicedAmount, partlyPaid.ReceivedAmount, partlyPaid.ToReceiveAmount, partlyPaid.ToInvoiceQuantity).ShouldBe((226m, 100m, 126m, 0m));
        (afterSecondDelivery.OnHand, afterSecondDelivery.Reserved, afterSecondDelivery.Available).ShouldBe((70m, 0m, 70m));
        (delivered.Status, delivered.ToDeliverQuantity, delivered.ToInvoiceQuantity).ShouldBe((SalesOrderStatus.Delivered, 0m, 10m));
        (completed.Status, completed.InvoicedAmount, completed.ReceivedAmount, completed.ToReceiveAmount).ShouldBe((SalesOrderStatus.Completed, 339m, 339m, 0m));
        (invoice.Status, invoice.TotalAmount, invoice.Receipts.Count, invoice.DueDate).ShouldBe((SalesInvoiceStatus.Received, 226m, 2, invoice.InvoiceDate.AddDays(30)));
        completed.Timeline.Select(e => e.Status).ShouldBe(["Draft", "Confirmed", "PartiallyDelivered", "Delivered", "Completed"]);
    }

    [Fact]
    public async Task A_short_line_refuses_the_confirmation_with_available_short_and_the_date_open_supply_covers_it_and_reserves_nothing()
    {
        var shop = await ShopAsync();
        await shop.AddProductAsync("SKU-2", 20m);
        await shop.ReceiveStockAsync("SKU-2", 10m, 8m);
        await shop.ExpectSupplyAsync("SKU-2", 15m, new DateOnly(2026, 11, 10));
        await shop.ExpectSupplyAsync("SKU-2", 50m, new DateOnly(2026, 11, 20));
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 5m), ("SKU-2", 30m));

        var refused = await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var atp = await shop.AsSalespersonAsync<ISalesOrderAppService, IReadOnlyList<SalesLineAvailabilityDto>>(orders => orders.GetAvailabilityAsync(orderId));
        var order = await shop.GetOrderAsync(orderId);

        (refused.Code, refused.Field).ShouldBe((SalesErrorCodes.InsufficientStock, "Lines[1].Quantity"));
        refused.Args.ShouldBe(["SKU-2", 30m, 10m, 20m, "2026-11-20"]);
        (atp[1].Needed, atp[1].AvailableNow, atp[1].ShortQuantity, atp[1].CoveredOn).ShouldBe((30m, 10m, 20m, (DateOnly?)new DateOnly(2026, 11, 20)));
        (atp[0].ShortQuantity, atp[0].AvailableNow).ShouldBe((0m, 100m));
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(0m);
        order.Status.ShouldBe(SalesOrderStatus.Draft);
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_releases_its_reservation_and_an_order_with_deliveries_cannot_be_cancelled()
    {
        var shop = await ShopAsync();
        var cancelled = await shop.OrderAsync("C1", ("SKU-1", 30m));
        var delivered = await shop.OrderAsync("C1", ("SKU-1", 10m));
        await shop.ConfirmAsync(cancelled);
        await shop.ConfirmAsync(delivered);
        await shop.DeliverAsync(delivered, (1, 4m));

        var order = await shop.GetOrderAsync(cancelled);
        await shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.CancelAsync(cancelled, new SalesActionInput { Version = order.Version, Comment = "Customer changed its mind" });
            return true;
        });
        var partly = await shop.GetOrderAsync(delivered);
        var refused = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.CancelAsync(delivered, new SalesActionInput { Version = partly.Version });
            return true;
        }));
        var level = await shop.LevelAsync("SKU-1");

        (await shop.GetOrderAsync(cancelled)).Status.ShouldBe(SalesOrderStatus.Cancelled);
        (await shop.GetOrderAsync(cancelled)).Timeline[^1].Comment.ShouldBe("Customer changed its mind");
        refused.Code.ShouldBe(SalesErrorCodes.CancelAfterDelivery);
        (level.OnHand, level.Reserved, level.Available).ShouldBe((96m, 6m, 90m));
    }

    [Fact]
    public async Task A_double_submitted_order_is_created_once_and_a_stale_edit_or_a_change_after_confirmation_is_refused()
    {
        var shop = await ShopAsync();
        var input = new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(),
            Lines = [new SalesOrderLineInput { Product = "SKU-1", Quantity = 2m, Unit = "BOX", DiscountPercent = 5m }],
        };
        var first = await shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(input));
        var second = await shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(input));
        var shown = await shop.GetOrderAsync(first);
        await shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.UpdateAsync(first, shown.ToInput(), default);
            return true;
        });
        var stale = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.UpdateAsync(first, shown.ToInput(), default);
            return true;
        }));
        await shop.ConfirmAsync(first);
        var confirmed = await shop.GetOrderAsync(first);
        var immutable = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async orders =>
        {
            await orders.UpdateAsync(first, confirmed.ToInput(), default);
            return true;
        }));

        second.ShouldBe(first);
        (shown.Lines[0].BaseQuantity, shown.Lines[0].UnitPrice, shown.NetAmount, shown.TaxAmount).ShouldBe((20m, 100m, 190m, 24.70m));
        stale.Code.ShouldBe(ErrorCodes.ConcurrencyConflict);
        immutable.Code.ShouldBe(SalesErrorCodes.NotEditable);
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(20m);
    }

    [Fact]
    public async Task A_delivery_of_batch_stock_picks_the_first_to_expire_is_confirmed_by_scanning_and_cannot_ship_more_than_is_open()
    {
        var shop = await ShopAsync();
        await shop.AddProductAsync("MILK", 3m, batchTracked: true);
        await shop.ReceiveStockAsync("MILK", 5m, 1m, "LATE", new DateOnly(2027, 3, 1));
        await shop.ReceiveStockAsync("MILK", 4m, 1m, "EARLY", new DateOnly(2026, 12, 1));
        var orderId = await shop.OrderAsync("C1", ("MILK", 6m));
        await shop.ConfirmAsync(orderId);

        var tooMuch = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesDeliveryAppService, Guid>(deliveries =>
            deliveries.CreateAsync(new SalesDeliveryInput { RequestId = Guid.NewGuid(), OrderId = orderId, Lines = [new SalesDeliveryLineInput { OrderLineNumber = 1, Quantity = 7m }] })));
        var deliveryId = await shop.AsSalespersonAsync<ISalesDeliveryAppService, Guid>(deliveries =>
            deliveries.CreateAsync(new SalesDeliveryInput { RequestId = Guid.NewGuid(), OrderId = orderId }));
        var draft = await shop.AsSalespersonAsync<ISalesDeliveryAppService, SalesDeliveryDto>(deliveries => deliveries.GetAsync(deliveryId));
        var unpicked = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesDeliveryAppService, bool>(async deliveries =>
        {
            await deliveries.ScanAsync(deliveryId, new SalesScanInput { Barcode = "MILK", Quantity = 4m });
            var picked = await deliveries.GetAsync(deliveryId);
            await deliveries.PostAsync(deliveryId, new SalesActionInput { Version = picked.Version });
            return true;
        }));
        await shop.AsSalespersonAsync<ISalesDeliveryAppService, bool>(async deliveries =>
        {
            await deliveries.ScanAsync(deliveryId, new SalesScanInput { Barcode = "milk", Quantity = 2m });
            var picked = await deliveries.GetAsync(deliveryId);
            await deliveries.PostAsync(deliveryId, new SalesActionInput { Version = picked.Version });
            return true;
        });
        var level = await shop.LevelAsync("MILK");

        tooMuch.Code.ShouldBe(SalesErrorCodes.DeliveryExceedsOrder);
        draft.Lines.Select(l => (l.BatchNumber, l.Quantity)).ShouldBe([("EARLY", 4m), ("LATE", 2m)]);
        (unpicked.Code, unpicked.Args[0]).ShouldBe((SalesErrorCodes.PickIncomplete, (object?)2));
        (level.OnHand, level.Reserved).ShouldBe((3m, 0m));
        (await shop.GetOrderAsync(orderId)).Status.ShouldBe(SalesOrderStatus.Delivered);
    }

    [Fact]
    public async Task Another_company_cannot_see_or_change_the_orders_deliveries_and_invoices()
    {
        var shop = await ShopAsync();
        var other = await ShopAsync();
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 3m));
        await shop.ConfirmAsync(orderId);
        var deliveryId = await shop.DeliverAsync(orderId);
        var invoiceId = await shop.InvoiceAsync(deliveryId);

        await Should.ThrowAsync<EntityNotFoundException>(() => other.GetOrderAsync(orderId));
        await Should.ThrowAsync<EntityNotFoundException>(() => other.AsSalespersonAsync<ISalesOrderAppService, SalesOrderStatus>(o => o.ConfirmAsync(orderId, new SalesActionInput())));
        await Should.ThrowAsync<EntityNotFoundException>(() => other.AsSalespersonAsync<ISalesDeliveryAppService, SalesDeliveryDto>(d => d.GetAsync(deliveryId)));
        await Should.ThrowAsync<EntityNotFoundException>(() => other.InvoiceAsync(deliveryId));
        await Should.ThrowAsync<EntityNotFoundException>(() => other.AsSalespersonAsync<ISalesInvoiceAppService, SalesInvoiceDto>(i => i.GetAsync(invoiceId)));
        (await other.AsSalespersonAsync<ISalesOrderAppService, PagedResult<SalesOrderSummaryDto>>(o => o.GetListAsync(new SalesListQuery()))).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_billing_page_counts_the_orders_created_this_month()
    {
        var shop = await ShopAsync();
        await shop.OrderAsync("C1", ("SKU-1", 1m));
        await shop.OrderAsync("C1", ("SKU-1", 2m));

        var rows = await shop.Stock.InCompanyAsync(sp => sp.GetServices<IUsageContributor>().OfType<SalesOrdersUsageContributor>().Single()
            .GetUsageAsync(new Dictionary<string, string>(), default));

        rows.ShouldBe([new UsageRowDto("Billing:Usage:SalesOrdersThisMonth", 2, null)]);
    }
}
