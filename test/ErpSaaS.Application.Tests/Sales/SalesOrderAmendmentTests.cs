using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>
/// A confirmed order is never edited: the salesperson amends it, which cancels it with the reason (its reservations
/// released, its back order cleared) and opens a draft copy that is confirmed again. Stock follows each step exactly.
/// </summary>
public sealed class SalesOrderAmendmentTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SalesCompany> ShopAsync()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddProductAsync("SKU-2", 20m);
        await shop.ReceiveStockAsync("SKU-1", 100m, 5m);
        await shop.ReceiveStockAsync("SKU-2", 4m, 5m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        return shop;
    }

    private static Task<Guid> AmendAsync(SalesCompany shop, Guid id, uint version, string? reason) =>
        shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.AmendAsync(id, new SalesAmendInput { Version = version, Reason = reason }));

    [Fact]
    public async Task Amending_a_confirmed_order_cancels_it_releases_its_stock_and_its_draft_copy_reserves_again_once_confirmed()
    {
        var shop = await ShopAsync();
        var orderId = await shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(), Comment = "Rush",
            Lines =
            [
                new SalesOrderLineInput { Product = "SKU-1", Quantity = 3m, Unit = "BOX", UnitPrice = 95m, DiscountPercent = 5m },
                new SalesOrderLineInput { Product = "SKU-2", Quantity = 6m },
            ],
        }));
        var draft = await shop.GetOrderAsync(orderId);
        (await shop.AsSalespersonAsync<ISalesOrderAppService, SalesOrderStatus>(o => o.ConfirmAsync(orderId, new SalesActionInput { Version = draft.Version, BackOrder = true })))
            .ShouldBe(SalesOrderStatus.Confirmed);
        var original = await shop.GetOrderAsync(orderId);
        original.IsAmendable.ShouldBeTrue();
        original.Lines.Select(l => (l.ReservedQuantity, l.BackOrderedQuantity)).ShouldBe([(30m, 0m), (4m, 2m)]);
        ((await shop.LevelAsync("SKU-1")).Reserved, (await shop.LevelAsync("SKU-2")).Reserved).ShouldBe((30m, 4m));

        var copyId = await AmendAsync(shop, orderId, original.Version, "  Customer wants another colour  ");

        var cancelled = await shop.GetOrderAsync(orderId);
        var copy = await shop.GetOrderAsync(copyId);
        cancelled.Status.ShouldBe(SalesOrderStatus.Cancelled);
        cancelled.Lines.Select(l => (l.ReservedQuantity, l.BackOrderedQuantity)).ShouldBe([(0m, 0m), (0m, 0m)]);
        var sku1 = await shop.LevelAsync("SKU-1");
        var sku2 = await shop.LevelAsync("SKU-2");
        (sku1.OnHand, sku1.Reserved, sku1.Available, sku2.OnHand, sku2.Reserved, sku2.Available).ShouldBe((100m, 0m, 100m, 4m, 0m, 4m));
        (copy.Status, copy.CustomerId, copy.WarehouseId, copy.CurrencyCode, copy.Comment).ShouldBe((SalesOrderStatus.Draft, original.CustomerId, original.WarehouseId, "CNY", "Rush"));
        copy.Lines.Select(l => (l.ProductCode, l.Quantity, l.Unit, l.UnitPrice, l.DiscountPercent, l.TaxRate, l.NetAmount, l.TaxAmount, l.PromisedDate))
            .ShouldBe(original.Lines.Select(l => (l.ProductCode, l.Quantity, l.Unit, l.UnitPrice, l.DiscountPercent, l.TaxRate, l.NetAmount, l.TaxAmount, l.PromisedDate)));
        (copy.NetAmount, copy.TaxAmount, copy.TotalAmount).ShouldBe((original.NetAmount, original.TaxAmount, original.TotalAmount));
        (copy.TotalAmount, copy.Lines.Sum(l => l.BackOrderedQuantity + l.ReservedQuantity)).ShouldBe((decimal.Round(3m * 95m * 0.95m * 1.13m, 2) + 6m * 20m * 1.13m, 0m));
        (copy.Amends, cancelled.AmendedBy, copy.AmendedBy, cancelled.Amends)
            .ShouldBe((new SalesOrderRefDto(orderId, original.Number), new SalesOrderRefDto(copyId, copy.Number), null, null));
        cancelled.Timeline[^1].Comment.ShouldBe($"{original.Number} → {copy.Number}: Customer wants another colour");
        // The copy's first two events are written in the same instant: which comes first is not asserted.
        copy.Timeline.Select(e => (e.Status, e.Comment)).OrderBy(e => e.Comment is not null)
            .ShouldBe([("Draft", null), ("Draft", $"{original.Number} → {copy.Number}: Customer wants another colour")]);
        cancelled.IsAmendable.ShouldBeFalse();

        // The copy is an order like any new one: changed while a draft, confirmed again, and it reserves again.
        var changed = copy.ToInput();
        changed.Lines[1].Quantity = 4m;
        await shop.AsSalespersonAsync<ISalesOrderAppService, bool>(async o => { await o.UpdateAsync(copyId, changed); return true; });
        (await shop.ConfirmAsync(copyId)).ShouldBe(SalesOrderStatus.Confirmed);
        var confirmedCopy = await shop.GetOrderAsync(copyId);
        confirmedCopy.Lines.Select(l => (l.ReservedQuantity, l.BackOrderedQuantity)).ShouldBe([(30m, 0m), (4m, 0m)]);
        ((await shop.LevelAsync("SKU-1")).Reserved, (await shop.LevelAsync("SKU-2")).Available).ShouldBe((30m, 0m));
        (await shop.GetOrderAsync(orderId)).Status.ShouldBe(SalesOrderStatus.Cancelled);
    }

    [Fact]
    public async Task Only_a_confirmed_order_nothing_was_delivered_of_can_be_amended_and_the_reason_is_required()
    {
        var shop = await ShopAsync();
        var orderId = await shop.OrderAsync("C1", ("SKU-1", 10m));
        var draft = await shop.GetOrderAsync(orderId);
        (await Should.ThrowAsync<BusinessException>(() => AmendAsync(shop, orderId, draft.Version, "Change"))).Code.ShouldBe(SalesErrorCodes.AmendNotAllowed);
        draft.IsAmendable.ShouldBeFalse();

        await shop.ConfirmAsync(orderId);
        var confirmed = await shop.GetOrderAsync(orderId);
        var noReason = await Should.ThrowAsync<BusinessException>(() => AmendAsync(shop, orderId, confirmed.Version, "   "));
        (noReason.Code, noReason.Field).ShouldBe((SalesErrorCodes.AmendReasonRequired, "Reason"));
        var unchanged = await shop.GetOrderAsync(orderId);
        (unchanged.Status, unchanged.Version, unchanged.AmendedBy, (await shop.LevelAsync("SKU-1")).Reserved).ShouldBe((SalesOrderStatus.Confirmed, confirmed.Version, null, 10m));

        await shop.DeliverAsync(orderId, (1, 4m));
        var partly = await shop.GetOrderAsync(orderId);
        partly.IsAmendable.ShouldBeFalse();
        (await Should.ThrowAsync<BusinessException>(() => AmendAsync(shop, orderId, partly.Version, "Change"))).Code.ShouldBe(SalesErrorCodes.AmendNotAllowed);
        var after = await shop.GetOrderAsync(orderId);
        (after.Status, after.AmendedBy, after.Version).ShouldBe((SalesOrderStatus.PartiallyDelivered, null, partly.Version));
        var level = await shop.LevelAsync("SKU-1");
        (level.OnHand, level.Reserved).ShouldBe((96m, 6m));
    }
}
