using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Purchasing;
using ErpSaaS.Sales;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>
/// Back orders (欠货): an order short on stock is confirmed with what is there reserved and the rest back-ordered; the rest
/// is reserved when stock arrives (the line promised first served first) or on the salesperson's click, and only reserved
/// stock is delivered.
/// </summary>
public sealed class SalesBackOrderTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SalesCompany> ShopAsync(ShortageAction action = ShortageAction.Suggestion)
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 20m);
        await shop.ReceiveStockAsync("SKU-1", 10m, 5m);
        await shop.ReceiveStockAsync("SKU-2", 100m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        await shop.Stock.SetAsync(SalesSettings.ShortageAction, action.ToString());
        return shop;
    }

    private static async Task<SalesOrderStatus> ConfirmWithBackOrderAsync(SalesCompany shop, Guid id)
    {
        var order = await shop.GetOrderAsync(id);
        return await shop.AsSalespersonAsync<ISalesOrderAppService, SalesOrderStatus>(o => o.ConfirmAsync(id, new SalesActionInput { Version = order.Version, BackOrder = true }));
    }

    private static Task<Guid> OrderPromisedAsync(SalesCompany shop, string product, decimal quantity, DateOnly promised) =>
        shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(),
            Lines = [new SalesOrderLineInput { Product = product, Quantity = quantity, PromisedDate = promised }],
        }));

    private static IEnumerable<(int Line, decimal Reserved, decimal BackOrdered)> Figures(SalesOrderDto order) =>
        order.Lines.Select(l => (l.LineNumber, l.ReservedQuantity, l.BackOrderedQuantity));

    [Fact]
    public async Task Confirming_with_a_back_order_reserves_exactly_what_is_available_and_back_orders_the_rest_while_plain_confirm_is_still_refused()
    {
        var shop = await ShopAsync();
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m), ("SKU-2", 5m));

        var refused = await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var afterRefusal = await shop.LevelAsync("SKU-1");
        var status = await ConfirmWithBackOrderAsync(shop, orderId);
        var order = await shop.GetOrderAsync(orderId);
        var sku1 = await shop.LevelAsync("SKU-1");
        var sku2 = await shop.LevelAsync("SKU-2");

        refused.Code.ShouldBe(SalesErrorCodes.InsufficientStockNoSupply);
        afterRefusal.Reserved.ShouldBe(0m);
        status.ShouldBe(SalesOrderStatus.Confirmed);
        Figures(order).ShouldBe([(1, 10m, 15m), (2, 5m, 0m)]);
        (order.BackOrderedQuantity, order.IsBackOrdered).ShouldBe((15m, true));
        (sku1.OnHand, sku1.Reserved, sku1.Available).ShouldBe((10m, 10m, 0m));
        sku2.Reserved.ShouldBe(5m);
        order.Timeline.Select(e => (e.Status, e.Comment)).ShouldBe([("Draft", null), ("Confirmed", null), (SalesConsts.BackOrderedEvent, "#1: 15")]);
        var listed = await shop.AsSalespersonAsync<ISalesOrderAppService, PagedResult<SalesOrderSummaryDto>>(o => o.GetListAsync(new SalesListQuery { Status = SalesListQuery.BackOrderedFilter }));
        listed.Items.Select(i => (i.Id, i.BackOrderedQuantity)).ShouldBe([(orderId, 15m)]);
        var board = await shop.AsSalespersonAsync<ISalesTrackingAppService, SalesTrackingBoardDto>(t => t.GetBoardAsync(new SalesTrackingQuery()));
        board.Rows.Items.Single(r => r.Id == orderId).Stage.ShouldBe(SalesOrderStage.BackOrdered);
        board.Counts.GetValueOrDefault(SalesOrderStage.BackOrdered).ShouldBe(1);
    }

    [Fact]
    public async Task A_company_that_does_not_allow_back_orders_refuses_the_option_next_to_it_and_changes_nothing()
    {
        var shop = await ShopAsync();
        await shop.Stock.SetAsync(SalesSettings.BackOrders, SalesSettings.BackOrdersNotAllowed);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m));

        var refused = await Should.ThrowAsync<BusinessException>(() => ConfirmWithBackOrderAsync(shop, orderId));
        var order = await shop.GetOrderAsync(orderId);

        (refused.Code, refused.Field).ShouldBe((SalesErrorCodes.BackOrdersNotAllowed, nameof(SalesActionInput.BackOrder)));
        (order.Status, order.ExchangeRate).ShouldBe((SalesOrderStatus.Draft, (decimal?)null));
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(0m);
    }

    [Fact]
    public async Task With_automatic_shortage_action_a_back_order_raises_one_requisition_for_what_waits_and_never_a_second()
    {
        var shop = await ShopAsync(ShortageAction.Automatic);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m), ("SKU-2", 5m));

        await ConfirmWithBackOrderAsync(shop, orderId);
        var again = await shop.AsSalespersonAsync<ISalesOrderAppService, IReadOnlyList<SalesShortLineDto>>(o => o.RaisePurchaseNeedsAsync(orderId));
        var list = await shop.AsSalespersonAsync<IPurchaseRequisitionAppService, PagedResult<PurchaseRequisitionSummaryDto>>(r => r.GetListAsync(new PurchaseRequisitionListQuery()));
        var requisition = await shop.AsSalespersonAsync<IPurchaseRequisitionAppService, PurchaseRequisitionDto>(r => r.GetAsync(list.Items.Single().Id));

        list.TotalCount.ShouldBe(1);
        (requisition.Lines.Single().ProductCode, requisition.Lines.Single().Quantity, requisition.SourceId, requisition.SourceLine)
            .ShouldBe(("SKU-1", 15m, (Guid?)orderId, (int?)1));
        again.Single().RequisitionId.ShouldBe(requisition.Id);
    }

    [Fact]
    public async Task Stock_arriving_reserves_the_back_order_promised_first_and_gives_the_later_one_the_rest()
    {
        var shop = await ShopAsync();
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var later = await OrderPromisedAsync(shop, "SKU-1", 20m, today.AddDays(20));
        var sooner = await OrderPromisedAsync(shop, "SKU-1", 15m, today.AddDays(5));
        var first = await OrderPromisedAsync(shop, "SKU-1", 10m, today.AddDays(1));
        await ConfirmWithBackOrderAsync(shop, first); // takes all 10 on hand
        await ConfirmWithBackOrderAsync(shop, later);
        await ConfirmWithBackOrderAsync(shop, sooner);

        // 25 arrive: 35 wait (20 promised in 20 days, 15 in 5 days): the sooner gets all 15, the later what is left.
        await shop.ReceiveStockAsync("SKU-1", 25m, 5m);
        var soonerOrder = await shop.GetOrderAsync(sooner);
        var laterOrder = await shop.GetOrderAsync(later);
        var level = await shop.LevelAsync("SKU-1");

        Figures(soonerOrder).ShouldBe([(1, 15m, 0m)]);
        Figures(laterOrder).ShouldBe([(1, 10m, 10m)]);
        (level.OnHand, level.Reserved, level.Available).ShouldBe((35m, 35m, 0m));
        soonerOrder.Timeline[^1].Status.ShouldBe(SalesConsts.BackOrderReservedEvent);
        soonerOrder.Timeline[^1].Comment!.ShouldStartWith("#1: 15 (ADJ-");
        (soonerOrder.IsBackOrdered, laterOrder.BackOrderedQuantity).ShouldBe((false, 10m));
    }

    [Fact]
    public async Task A_goods_receipt_posted_against_a_purchase_order_reserves_the_back_order_waiting_for_it()
    {
        var acme = await ErpSaaS.Application.Tests.Purchasing.PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1", standardCost: 4m);
        await acme.AddSupplierAsync("S-1");
        await acme.ListAsync("S-1", "P-1", price: 5.00m);
        var customer = await acme.InTransactionAsync(async sp => (await sp.GetRequiredService<ErpSaaS.Catalog.CustomerManager>().CreateAsync("C1", "C1 Ltd", "CNY")).Id);
        var sales = (Func<ISalesOrderAppService, Task<SalesOrderDto>> work) => acme.InCompanyAsync(sp => work(sp.GetRequiredService<ISalesOrderAppService>()));
        var orderId = (await sales(async o => await o.GetAsync(await o.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = customer, WarehouseId = acme.Warehouse("WH01"), Lines = [new SalesOrderLineInput { Product = "P-1", Quantity = 8m, UnitPrice = 9m }],
        })))).Id;
        await sales(async o => { await o.ConfirmAsync(orderId, new SalesActionInput { Version = (await o.GetAsync(orderId)).Version, BackOrder = true }); return await o.GetAsync(orderId); });
        var purchase = await acme.CreateOrderAsync("S-1", new PurchaseOrderLineInput { Product = "P-1", Quantity = 10m });
        await acme.SubmitAsync(purchase);

        var receipt = await acme.ReceiveAsync(purchase, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        var order = await sales(o => o.GetAsync(orderId));
        var receiptNumber = (await acme.Receipts(r => r.GetAsync(receipt))).Number;

        Figures(order).ShouldBe([(1, 8m, 0m)]);
        (order.Timeline[^1].Status, order.Timeline[^1].Comment).ShouldBe((SalesConsts.BackOrderReservedEvent, $"#1: 8 ({receiptNumber})"));
        (await acme.LevelAsync("P-1", "WH01")).OnHand.ShouldBe(10m);
    }

    [Fact]
    public async Task Only_reserved_stock_is_delivered_and_the_back_ordered_rest_after_it_is_reserved_by_the_button()
    {
        var shop = await ShopAsync();
        var holder = await shop.OrderAsync("C1", ("SKU-2", 100m));
        await shop.ConfirmAsync(holder);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m), ("SKU-2", 4m));
        await ConfirmWithBackOrderAsync(shop, orderId);

        var tooMuch = await Should.ThrowAsync<BusinessException>(() => shop.DeliverAsync(orderId, (1, 12m)));
        await shop.DeliverAsync(orderId, (1, 10m));
        var nothingYet = await Should.ThrowAsync<BusinessException>(() => shop.AsSalespersonAsync<ISalesOrderAppService, SalesBackOrderResultDto>(o => o.ReserveBackOrdersAsync(orderId)));
        // The other order gives SKU-2 back: nothing arrives, so the button reserves it.
        var holderOrder = await shop.GetOrderAsync(holder);
        await shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async o => { await o.CancelAsync(holder, new SalesActionInput { Version = holderOrder.Version }); return true; });
        var reserved = await shop.AsSalespersonAsync<ISalesOrderAppService, SalesBackOrderResultDto>(o => o.ReserveBackOrdersAsync(orderId));
        var order = await shop.GetOrderAsync(orderId);

        (tooMuch.Code, tooMuch.Field).ShouldBe((SalesErrorCodes.DeliveryExceedsReserved, "Lines[0].Quantity"));
        nothingYet.Code.ShouldBe(SalesErrorCodes.NothingAvailableForBackOrder);
        reserved.ShouldBe(new SalesBackOrderResultDto(4m, 15m));
        order.Status.ShouldBe(SalesOrderStatus.PartiallyDelivered);
        order.Lines.Select(l => (l.LineNumber, l.DeliveredQuantity, l.ReservedQuantity, l.BackOrderedQuantity)).ShouldBe([(1, 10m, 0m, 15m), (2, 0m, 4m, 0m)]);
        order.Timeline[^1].Status.ShouldBe(SalesConsts.BackOrderReservedEvent);
    }

    [Fact]
    public async Task Cancelling_a_back_ordered_order_releases_its_reservations_and_clears_the_back_order()
    {
        var shop = await ShopAsync();
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m));
        await ConfirmWithBackOrderAsync(shop, orderId);
        var confirmed = await shop.GetOrderAsync(orderId);

        await shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async o => { await o.CancelAsync(orderId, new SalesActionInput { Version = confirmed.Version }); return true; });
        await shop.ReceiveStockAsync("SKU-1", 5m, 5m);
        var order = await shop.GetOrderAsync(orderId);
        var level = await shop.LevelAsync("SKU-1");

        order.Status.ShouldBe(SalesOrderStatus.Cancelled);
        order.Lines.Single().BackOrderedQuantity.ShouldBe(0m);
        (level.OnHand, level.Reserved).ShouldBe((15m, 0m));
        (await shop.AsSalespersonAsync<ISalesOrderAppService, PagedResult<SalesOrderSummaryDto>>(o => o.GetListAsync(new SalesListQuery { Status = SalesListQuery.BackOrderedFilter })))
            .TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Twenty_parallel_back_order_confirmations_never_reserve_more_than_is_on_hand()
    {
        var shop = await ShopAsync();
        await shop.AddProductAsync("HOT", 10m);
        await shop.ReceiveStockAsync("HOT", 37m, 5m);
        var orders = new List<Guid>();
        for (var i = 0; i < 20; i++) orders.Add(await (i % 2 == 0 ? shop.OrderAsync("C1", ("HOT", 3m), ("SKU-2", 1m)) : shop.OrderAsync("C1", ("SKU-2", 1m), ("HOT", 3m))));

        await using var services = shop.Stock.ServicesWithPool(20);
        var outcomes = await Task.WhenAll(orders.Select(id => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(shop.Stock.Tenant);
            scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(shop.Stock.Admin, "admin");
            var confirmations = scope.ServiceProvider.GetRequiredService<ISalesOrderAppService>();
            var order = await confirmations.GetAsync(id);
            return await confirmations.ConfirmAsync(id, new SalesActionInput { Version = order.Version, BackOrder = true });
        })));
        var confirmed = new List<SalesOrderDto>();
        foreach (var id in orders) confirmed.Add(await shop.GetOrderAsync(id));
        var hot = await shop.LevelAsync("HOT");
        var hotLines = confirmed.Select(o => o.Lines.Single(l => l.ProductCode == "HOT")).ToList();

        outcomes.ShouldAllBe(o => o == SalesOrderStatus.Confirmed);
        (hot.OnHand, hot.Reserved, hot.Available).ShouldBe((37m, 37m, 0m));
        hotLines.Sum(l => l.ReservedQuantity).ShouldBe(37m);
        hotLines.Sum(l => l.BackOrderedQuantity).ShouldBe(23m);
        hotLines.ShouldAllBe(l => l.ReservedQuantity + l.BackOrderedQuantity == 3m);
        (await shop.LevelAsync("SKU-2")).Reserved.ShouldBe(20m);
    }
}
