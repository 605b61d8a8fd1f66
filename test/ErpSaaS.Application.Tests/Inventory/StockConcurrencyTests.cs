using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

/// <summary>Many users at once on the same products: nothing oversold, nothing lost, nobody deadlocked.</summary>
public sealed class StockConcurrencyTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static async Task<(int Succeeded, List<Exception> Refused)> RunAllAsync(int count, Func<int, Task> work)
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                await work(i);
                return null;
            }
            catch (Exception error)
            {
                return error;
            }
        }));
        return (outcomes.Count(o => o is null), outcomes.OfType<Exception>().ToList());
    }

    [Fact]
    public async Task Fifty_parallel_issues_of_the_last_twenty_units_sell_exactly_twenty_and_refuse_the_rest()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("HOT");
        await acme.ReceiveAsync("HOT", "WH01", 20m, 8m);

        await using var services = acme.ServicesWithPool(16);
        var (succeeded, refused) = await RunAllAsync(50, _ => StockCompany.InTransactionAsync(services, acme, sp =>
            sp.GetRequiredService<IStockLedger>().PostAsync(StockCompany.Posting(StockCompany.Day1.AddHours(1), acme.Line("HOT", "WH01", -1m)))));

        succeeded.ShouldBe(20);
        refused.Count.ShouldBe(30);
        refused.ShouldAllBe(e => e is BusinessException && ((BusinessException)e).Code == InventoryErrorCodes.InsufficientStock);
        var (onHand, value) = await acme.InCompanyAsync(async sp =>
        {
            var balance = await sp.GetRequiredService<ErpDbContext>().StockBalances.AsNoTracking().SingleAsync();
            return (balance.OnHand, balance.Value);
        });
        (onHand, value).ShouldBe((0m, 0m));
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Crossing_transfers_of_the_same_products_in_opposite_orders_never_deadlock_and_lose_nothing()
    {
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.SetAsync(InventorySettings.ValuationScope, nameof(StockValuationScope.Warehouse));
        string[] products = ["A", "B", "C"];
        foreach (var product in products)
        {
            await acme.AddProductAsync(product);
            await acme.ReceiveAsync(product, "WH01", 1000m, 3m);
            await acme.ReceiveAsync(product, "WH02", 1000m, 5m);
        }

        await using var services = acme.ServicesWithPool(16);
        var (succeeded, refused) = await RunAllAsync(40, i => StockCompany.InTransactionAsync(services, acme, async sp =>
        {
            // Each transfer moves its products in its own order, as two postings (issue, then receipt at the issue's cost).
            var order = i % 2 == 0 ? products : products.Reverse().ToArray();
            var (from, to) = i % 3 == 0 ? ("WH01", "WH02") : ("WH02", "WH01");
            var ledger = sp.GetRequiredService<IStockLedger>();
            var at = StockCompany.Day1.AddHours(1);
            var issued = await ledger.PostAsync(StockCompany.Posting(at, [.. order.Select((p, n) => acme.Line(p, from, -1m, line: n + 1))]));
            await ledger.PostAsync(StockCompany.Posting(at, [.. order.Select((p, n) => acme.Line(p, to, 1m, issued[n].UnitCost, line: n + 1))]));
            return true;
        }));

        refused.ShouldBeEmpty();
        succeeded.ShouldBe(40);
        var totals = await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockWarehouseBalances.AsNoTracking()
            .GroupBy(w => w.ProductId).Select(g => g.Sum(w => w.OnHand)).ToListAsync());
        totals.ShouldAllBe(total => total == 2000m);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Twenty_orders_reserving_the_last_unit_at_once_leave_it_to_exactly_one()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("LAST");
        await acme.ReceiveAsync("LAST", "WH01", 1m, 100m);

        await using var services = acme.ServicesWithPool(16);
        var (succeeded, refused) = await RunAllAsync(20, i => StockCompany.InTransactionAsync(services, acme, async sp =>
        {
            await sp.GetRequiredService<IStockReservations>().ReserveAsync(new StockReservationRequest
            {
                SourceType = "SalesOrder", SourceId = Guid.NewGuid(), SourceNumber = $"SO-{i:000}", SourceLine = 1,
                ProductId = acme.Product("LAST"), WarehouseId = acme.Warehouse("WH01"), Quantity = 1m,
            });
            return true;
        }));

        succeeded.ShouldBe(1);
        refused.Count.ShouldBe(19);
        refused.ShouldAllBe(e => e is BusinessException && ((BusinessException)e).Code == InventoryErrorCodes.InsufficientStock);
        var level = (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([acme.Product("LAST")])))[acme.Product("LAST")];
        (level.OnHand, level.Reserved, level.Available).ShouldBe((1m, 1m, 0m));
    }
}
