using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Purchasing;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>采销联动: a short order raises purchase needs (automatically, or on the salesperson's click), one requisition per short line.</summary>
public sealed class SalesShortageTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SalesCompany> ShopAsync(ShortageAction action)
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 20m);
        await shop.AddProductAsync("SKU-3", 30m);
        await shop.ReceiveStockAsync("SKU-1", 10m, 5m);
        await shop.ReceiveStockAsync("SKU-2", 100m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        await shop.Stock.SetAsync(SalesSettings.ShortageAction, action.ToString());
        return shop;
    }

    private static Task<PagedResult<PurchaseRequisitionSummaryDto>> RequisitionsAsync(SalesCompany shop) =>
        shop.AsSalespersonAsync<IPurchaseRequisitionAppService, PagedResult<PurchaseRequisitionSummaryDto>>(r => r.GetListAsync(new PurchaseRequisitionListQuery()));

    [Fact]
    public async Task Automatic_raises_one_draft_requisition_per_short_line_and_a_retried_confirmation_raises_no_more()
    {
        var shop = await ShopAsync(ShortageAction.Automatic);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m), ("SKU-2", 5m), ("SKU-3", 4m));

        var first = await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var second = await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var list = await RequisitionsAsync(shop);
        var requisitions = new List<PurchaseRequisitionDto>();
        foreach (var item in list.Items) requisitions.Add(await shop.AsSalespersonAsync<IPurchaseRequisitionAppService, PurchaseRequisitionDto>(r => r.GetAsync(item.Id)));
        var order = await shop.GetOrderAsync(orderId);

        (first.Code, second.Code).ShouldBe((SalesErrorCodes.InsufficientStockNoSupply, SalesErrorCodes.InsufficientStockNoSupply));
        order.Status.ShouldBe(SalesOrderStatus.Draft);
        list.TotalCount.ShouldBe(2);
        requisitions.Select(r => (r.Status, r.Lines.Single().ProductCode, r.Lines.Single().Quantity, r.SourceId, r.SourceNumber, r.SourceLine))
            .OrderBy(r => r.ProductCode)
            .ShouldBe([
                (PurchaseRequisitionStatus.Draft, "SKU-1", 15m, (Guid?)orderId, order.Number, (int?)1),
                (PurchaseRequisitionStatus.Draft, "SKU-3", 4m, (Guid?)orderId, order.Number, (int?)3),
            ]);
    }

    [Fact]
    public async Task Suggestion_raises_nothing_on_confirmation_and_the_button_raises_the_short_lines_once()
    {
        var shop = await ShopAsync(ShortageAction.Suggestion);
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m), ("SKU-2", 5m));

        await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var afterRefusal = await RequisitionsAsync(shop);
        var suggested = await shop.AsSalespersonAsync<ISalesOrderAppService, (ShortageAction, IReadOnlyList<SalesShortLineDto>)>(o => o.GetShortagesAsync(orderId));
        var raised = await shop.AsSalespersonAsync<ISalesOrderAppService, IReadOnlyList<SalesShortLineDto>>(o => o.RaisePurchaseNeedsAsync(orderId));
        var again = await shop.AsSalespersonAsync<ISalesOrderAppService, IReadOnlyList<SalesShortLineDto>>(o => o.RaisePurchaseNeedsAsync(orderId));
        var afterClicks = await RequisitionsAsync(shop);

        afterRefusal.TotalCount.ShouldBe(0);
        suggested.Item1.ShouldBe(ShortageAction.Suggestion);
        suggested.Item2.Select(l => (l.LineNumber, l.ProductCode, l.ShortQuantity, l.RequisitionId)).ShouldBe([(1, "SKU-1", 15m, (Guid?)null)]);
        raised.Single().RequisitionNumber.ShouldNotBeNull();
        again.Single().RequisitionId.ShouldBe(raised.Single().RequisitionId);
        afterClicks.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task None_raises_nothing_and_a_line_covered_by_an_open_purchase_in_time_is_not_short()
    {
        var shop = await ShopAsync(ShortageAction.Automatic);
        await shop.ExpectSupplyAsync("SKU-1", 50m, new DateOnly(2020, 1, 1));
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 25m));

        await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var shortages = await shop.AsSalespersonAsync<ISalesOrderAppService, (ShortageAction, IReadOnlyList<SalesShortLineDto>)>(o => o.GetShortagesAsync(orderId));

        shortages.Item2.ShouldBeEmpty();
        (await RequisitionsAsync(shop)).TotalCount.ShouldBe(0);

        var none = await ShopAsync(ShortageAction.None);
        var other = await none.OrderAsync("C1", ("SKU-1", 25m));
        await Should.ThrowAsync<BusinessException>(() => none.ConfirmAsync(other));
        (await RequisitionsAsync(none)).TotalCount.ShouldBe(0);
    }
}

/// <summary>What a purchase order's page lists: the unconfirmed sales orders its products are short for, and the confirmed ones waiting for them with a back order.</summary>
public sealed class SalesShortOrdersTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task Only_unconfirmed_lines_needing_more_than_is_available_now_are_listed()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 10m);
        await shop.ReceiveStockAsync("SKU-1", 10m, 5m);
        await shop.ReceiveStockAsync("SKU-2", 10m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        var covered = await shop.OrderAsync("C1", ("SKU-1", 4m));
        await shop.ConfirmAsync(covered);
        var shortOrder = await shop.OrderAsync("C1", ("SKU-1", 8m), ("SKU-2", 3m));
        var otherProduct = await shop.OrderAsync("C1", ("SKU-2", 30m));

        var listed = await shop.AsSalespersonAsync<ISalesShortages, IReadOnlyList<SalesShortOrderDto>>(s => s.GetShortOrdersAsync([shop.Product("SKU-1")]));
        var both = await shop.AsSalespersonAsync<ISalesShortages, IReadOnlyList<SalesShortOrderDto>>(s => s.GetShortOrdersAsync([shop.Product("SKU-1"), shop.Product("SKU-2")]));

        // 10 on hand − 4 reserved by the confirmed order = 6 available: the draft's 8 is short, the confirmed order is not listed.
        listed.Select(l => (l.OrderId, l.LineNumber, l.Needed, l.AvailableNow)).ShouldBe([(shortOrder, 1, 8m, 6m)]);
        // SKU-2: 3 of 10 fits, 30 does not.
        both.Select(l => (l.OrderId, l.ProductCode)).OrderBy(l => l.ProductCode).ShouldBe([(shortOrder, "SKU-1"), (otherProduct, "SKU-2")]);
    }

    [Fact]
    public async Task Confirmed_orders_with_a_back_order_of_the_products_are_listed_with_what_they_wait_for_until_it_is_reserved()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 10m);
        await shop.ReceiveStockAsync("SKU-1", 10m, 5m);
        await shop.ReceiveStockAsync("SKU-2", 50m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        var reserved = await shop.OrderAsync("C1", ("SKU-1", 4m));
        await shop.ConfirmAsync(reserved);
        var backOrdered = await shop.OrderAsync("C1", ("SKU-2", 5m), ("SKU-1", 9m));
        var draft = await shop.GetOrderAsync(backOrdered);
        await shop.AsSalespersonAsync<ISalesOrderAppService, SalesOrderStatus>(o => o.ConfirmAsync(backOrdered, new SalesActionInput { Version = draft.Version, BackOrder = true }));
        var unconfirmed = await shop.OrderAsync("C1", ("SKU-1", 2m));

        var listed = await shop.AsSalespersonAsync<ISalesShortages, IReadOnlyList<SalesShortOrderDto>>(s => s.GetShortOrdersAsync([shop.Product("SKU-1")]));

        // 10 on hand: 4 reserved by the first order, the other 6 by the back-ordered line, whose 3 more wait for stock;
        // nothing is free, so the unconfirmed order's 2 are short too. The fully reserved order is not listed.
        listed.Select(l => (l.OrderId, l.Status, l.LineNumber, l.Needed, l.AvailableNow, l.BackOrderedQuantity)).OrderBy(l => l.BackOrderedQuantity)
            .ShouldBe([(unconfirmed, SalesOrderStatus.Draft, 1, 2m, 0m, 0m), (backOrdered, SalesOrderStatus.Confirmed, 2, 3m, 0m, 3m)]);

        // Stock arriving reserves the back order: the order no longer waits, the unconfirmed one is still short.
        await shop.ReceiveStockAsync("SKU-1", 3m, 5m);
        (await shop.GetOrderAsync(backOrdered)).BackOrderedQuantity.ShouldBe(0m);
        var afterArrival = await shop.AsSalespersonAsync<ISalesShortages, IReadOnlyList<SalesShortOrderDto>>(s => s.GetShortOrdersAsync([shop.Product("SKU-1")]));
        afterArrival.Select(l => (l.OrderId, l.BackOrderedQuantity)).ShouldBe([(unconfirmed, 0m)]);
    }
}
