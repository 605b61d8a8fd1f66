using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

/// <summary>A confirmed sales order reserves stock; the rest of the company sees only what is left (防超卖).</summary>
public sealed class StockReservationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static readonly Guid SalesOrder = Guid.NewGuid();

    private static Task ReserveAsync(StockCompany company, int line, decimal quantity, DateOnly? requiredOn = null, Guid? order = null) =>
        company.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockReservations>().ReserveAsync(new StockReservationRequest
            {
                SourceType = "SalesOrder", SourceId = order ?? SalesOrder, SourceNumber = "SO-202611-0001", SourceLine = line,
                ProductId = company.Product("SKU-1"), WarehouseId = company.Warehouse("WH01"), Quantity = quantity, RequiredOn = requiredOn,
            });
            return true;
        });

    private static async Task<StockLevel> LevelAsync(StockCompany company) =>
        (await company.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([company.Product("SKU-1")])))[company.Product("SKU-1")];

    [Fact]
    public async Task Reserved_stock_is_not_available_to_other_orders_nor_to_other_issues_until_released()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 5m);

        await ReserveAsync(acme, 1, 6m);
        var level = await LevelAsync(acme);
        var tooMuch = await Should.ThrowAsync<BusinessException>(() => ReserveAsync(acme, 2, 5m));
        var issue = await Should.ThrowAsync<BusinessException>(() => acme.IssueAsync("SKU-1", "WH01", 5m));
        await ReserveAsync(acme, 1, 3m);
        var lowered = await LevelAsync(acme);
        await ReserveAsync(acme, 2, 7m);
        await acme.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockReservations>().ReleaseAllAsync("SalesOrder", SalesOrder);
            return true;
        });
        var released = await LevelAsync(acme);

        (level.OnHand, level.Reserved, level.Available).ShouldBe((10m, 6m, 4m));
        (tooMuch.Code, tooMuch.Field, tooMuch.Args[2], tooMuch.Args[3]).ShouldBe((InventoryErrorCodes.InsufficientStock, "Quantity", (object?)4m, (object?)5m));
        (issue.Code, issue.Args[2]).ShouldBe((InventoryErrorCodes.InsufficientStock, (object?)4m));
        lowered.Available.ShouldBe(7m);
        (released.Reserved, released.Available).ShouldBe((0m, 10m));
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Several_lines_reserved_at_once_get_all_or_nothing_and_lines_of_one_product_share_its_stock()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.AddProductAsync("SKU-2");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 5m);
        await acme.ReceiveAsync("SKU-2", "WH01", 5m, 5m);
        var order = Guid.NewGuid();
        StockReservationRequest Line(int line, string product, decimal quantity) => new()
        {
            SourceType = "SalesOrder", SourceId = order, SourceNumber = "SO-202611-0002", SourceLine = line,
            ProductId = acme.Product(product), WarehouseId = acme.Warehouse("WH01"), Quantity = quantity,
        };
        Task<IReadOnlyList<int>> ReserveAllAsync(params StockReservationRequest[] lines) =>
            acme.InTransactionAsync(sp => sp.GetRequiredService<IStockReservations>().TryReserveAllAsync(lines));
        async Task<(decimal, decimal)> ReservedAsync()
        {
            var levels = await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([acme.Product("SKU-1"), acme.Product("SKU-2")]));
            return (levels[acme.Product("SKU-1")].Reserved, levels[acme.Product("SKU-2")].Reserved);
        }

        var tooMuch = await ReserveAllAsync(Line(1, "SKU-1", 6m), Line(2, "SKU-1", 5m), Line(3, "SKU-2", 5m));
        var afterRefusal = await ReservedAsync();
        var fits = await ReserveAllAsync(Line(1, "SKU-1", 6m), Line(2, "SKU-1", 4m), Line(3, "SKU-2", 5m));
        var afterReserving = await ReservedAsync();
        // Changing the lines again: their own holdings count as free for them, and shrinking never fails.
        var changed = await ReserveAllAsync(Line(1, "SKU-1", 2m), Line(2, "SKU-1", 8m), Line(3, "SKU-2", 0m));
        var afterChanging = await ReservedAsync();

        tooMuch.ShouldBe([2]);
        afterRefusal.ShouldBe((0m, 0m));
        fits.ShouldBeEmpty();
        afterReserving.ShouldBe((10m, 5m));
        changed.ShouldBeEmpty();
        afterChanging.ShouldBe((10m, 0m));
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_delivery_may_issue_the_stock_reserved_for_it_and_a_count_may_take_reserved_stock_that_is_not_there()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 5m);
        await ReserveAsync(acme, 1, 8m);

        // The delivery releases what it ships from the order's reservation, then issues it, in one transaction.
        await acme.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockReservations>().ReserveAsync(new StockReservationRequest
            {
                SourceType = "SalesOrder", SourceId = SalesOrder, SourceNumber = "SO-202611-0001", SourceLine = 1,
                ProductId = acme.Product("SKU-1"), WarehouseId = acme.Warehouse("WH01"), Quantity = 3m,
            });
            return await sp.GetRequiredService<IStockLedger>().PostAsync(StockCompany.Posting(StockCompany.Day1.AddHours(1), acme.Line("SKU-1", "WH01", -5m)));
        });
        var counted = await acme.PostAsync(StockCompany.Posting(StockCompany.Day1.AddHours(2), acme.Line("SKU-1", "WH01", -4m)) with { MayTakeReservedStock = true });
        var level = await LevelAsync(acme);

        counted[0].Value.ShouldBe(-20.00m);
        (level.OnHand, level.Reserved, level.Available).ShouldBe((1m, 3m, -2m));
    }

    [Fact]
    public async Task Available_by_a_date_counts_stock_on_order_by_then_and_keeps_every_later_promise()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("SKU-1");
        await acme.ReceiveAsync("SKU-1", "WH01", 10m, 5m);
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var purchaseOrder = Guid.NewGuid();
        await acme.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockSupplies>().ExpectAsync(new StockSupplyRequest
            {
                SourceType = "PurchaseOrder", SourceId = purchaseOrder, SourceNumber = "PO-1", SourceLine = 1,
                ProductId = acme.Product("SKU-1"), WarehouseId = acme.Warehouse("WH01"), Kind = StockSupplyKind.OnOrder, Quantity = 20m, DueOn = today.AddDays(10),
            });
            return true;
        });
        await ReserveAsync(acme, 1, 4m);
        await ReserveAsync(acme, 2, 6m, today.AddDays(20));

        async Task<decimal> By(int days) =>
            await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetAvailableByAsync(acme.Product("SKU-1"), acme.Warehouse("WH01"), today.AddDays(days)));

        // On hand 10; events: today −4, day 10 +20 (on order), day 20 −6; running sums −4, 16, 10.
        // Today 6 can still be promised: the purchase order arrives before the order due on day 20 needs its 6.
        (await By(0)).ShouldBe(6m);
        (await By(9)).ShouldBe(6m);
        (await By(10)).ShouldBe(20m);
        (await By(30)).ShouldBe(20m);
        var level = await LevelAsync(acme);
        (level.OnHand, level.Reserved, level.Available, level.OnOrder).ShouldBe((10m, 10m, 0m, 20m));
        await acme.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockSupplies>().CancelAllAsync("PurchaseOrder", purchaseOrder);
            return true;
        });
        (await By(30)).ShouldBe(0m);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }
}
