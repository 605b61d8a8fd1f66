using ErpSaaS.Catalog;
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

/// <summary>
/// Seeded random days of receipts, issues, transfers (as two postings in one transaction) and receipts booked late:
/// afterwards the balances equal the ledger, nothing is negative, and every entry carries exactly the value a
/// forward replay of the ledger in posting order gives (so the backdated revaluation in SQL agrees with the posting
/// arithmetic in C#).
/// </summary>
public sealed class StockRandomSequenceTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Theory]
    [InlineData(20261101, StockValuationScope.Company)]
    [InlineData(7, StockValuationScope.Warehouse)]
    [InlineData(424242, StockValuationScope.Company)]
    public Task Random_operations_keep_the_balances_equal_to_the_ledger_and_never_negative(int seed, StockValuationScope scope) =>
        RunAsync(fixture, seed, scope);

    internal static async Task RunAsync(ErpTestFixture fixture, int seed, StockValuationScope scope)
    {
        var random = new Random(seed);
        var acme = await StockCompany.CreateAsync(fixture, warehouses: ["WH01", "WH02"]);
        await acme.SetAsync(InventorySettings.ValuationScope, scope.ToString());
        var bin = await acme.AddLocationAsync("WH01", "A-01");
        await acme.AddProductAsync("AVG", ValuationMethod.MovingAverage, standardCost: 4m);
        await acme.AddProductAsync("FIFO", ValuationMethod.Fifo, standardCost: 6m);
        string[] products = ["AVG", "FIFO"];
        string[] warehouses = ["WH01", "WH02"];
        var now = StockCompany.Day1;
        var refusals = 0;

        for (var step = 0; step < 80; step++)
        {
            now = now.AddMinutes(random.Next(1, 600));
            var product = products[random.Next(products.Length)];
            var warehouse = warehouses[random.Next(warehouses.Length)];
            Guid? location = warehouse == "WH01" && random.Next(3) == 0 ? bin : null;
            var quantity = random.Next(1, 40) + (random.Next(4) == 0 ? 0.25m : 0m);
            var cost = random.Next(3) == 0 ? (decimal?)null : Math.Round(1m + (decimal)random.NextDouble() * 19m, 2);
            try
            {
                switch (random.Next(10))
                {
                    case < 4:
                        await acme.PostAsync(StockCompany.Posting(now, acme.Line(product, warehouse, quantity, cost, location: location)));
                        break;
                    case < 7:
                        await acme.PostAsync(StockCompany.Posting(now, acme.Line(product, warehouse, -quantity, location: location)));
                        break;
                    case < 9:
                        var to = warehouse == "WH01" ? "WH02" : "WH01";
                        await acme.InTransactionAsync(async sp =>
                        {
                            var ledger = sp.GetRequiredService<IStockLedger>();
                            var issued = await ledger.PostAsync(StockCompany.Posting(now, acme.Line(product, warehouse, -quantity, location: location)));
                            await ledger.PostAsync(StockCompany.Posting(now, acme.Line(product, to, quantity, issued[0].UnitCost)));
                            return true;
                        });
                        break;
                    default:
                        var earlier = StockCompany.Day1.AddMinutes(random.Next(0, (int)(now - StockCompany.Day1).TotalMinutes));
                        await acme.PostAsync(StockCompany.Posting(earlier, acme.Line(product, warehouse, quantity, cost ?? 9.99m, location: location)));
                        break;
                }
            }
            catch (BusinessException refused) when (refused.Code == InventoryErrorCodes.InsufficientStock)
            {
                refusals++;
            }
        }

        refusals.ShouldBeLessThan(60);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
        var (entries, balances, layers) = await acme.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return ((await (from e in db.StockLedgerEntries.AsNoTracking()
                            join v in db.StockEntryValuations.AsNoTracking() on e.Id equals v.Id
                            orderby e.PostedAt, e.Sequence
                            select new { Entry = e, Valuation = v }).ToListAsync()).Select(r => (r.Entry, r.Valuation)).ToList(),
                await db.StockBalances.AsNoTracking().ToListAsync(),
                await db.StockCostLayers.AsNoTracking().ToListAsync());
        });
        balances.ShouldAllBe(b => b.OnHand >= 0m);
        entries.GroupBy(e => (e.Entry.ProductId, e.Entry.ValuationKey)).ShouldAllBe(pool => pool.All(e => e.Valuation.QuantityAfter >= 0m));
        foreach (var pool in entries.GroupBy(e => (e.Entry.ProductId, e.Entry.ValuationKey)))
        {
            var fifo = pool.Key.ProductId == acme.Product("FIFO");
            Replay(pool.ToList(), fifo, fifo ? 6m : 4m, layers.Where(l => l.ProductId == pool.Key.ProductId && l.ValuationKey == pool.Key.ValuationKey).ToList());
        }
    }

    /// <summary>Values the pool's entries again, forward in posting order, with the same arithmetic a posting uses.</summary>
    private static void Replay(List<(StockLedgerEntry Entry, StockEntryValuation Valuation)> entries, bool fifo, decimal standardCost, List<StockCostLayer> layers)
    {
        var pool = new ValuationPool(0m, 0m, standardCost);
        var open = new List<FifoLayer>();
        foreach (var (entry, valuation) in entries)
        {
            decimal value, unitCost;
            var givenCost = entry.IsCostGiven ? valuation.UnitCost : (decimal?)null;
            if (!fifo)
            {
                value = StockValuationMath.MovingAverageValue(pool, entry.Quantity, givenCost);
                unitCost = StockValuationMath.UnitCostOf(value, entry.Quantity, givenCost);
                pool = StockValuationMath.After(pool, entry.Quantity, value, unitCost);
            }
            else if (entry.Quantity > 0m)
            {
                unitCost = givenCost ?? pool.LastUnitCost;
                value = StockValuationMath.Money(entry.Quantity * unitCost);
                open.Add(new FifoLayer(entry.Id, StockValuationMath.FifoLayerRemaining(pool, entry.Quantity), unitCost));
                pool = StockValuationMath.After(pool, entry.Quantity, value, unitCost);
            }
            else
            {
                value = StockValuationMath.FifoIssueValue(open, -entry.Quantity, pool.LastUnitCost);
                unitCost = StockValuationMath.UnitCostOf(value, entry.Quantity, null);
                pool = StockValuationMath.After(pool, entry.Quantity, value, unitCost, updatesLastCost: false);
            }
            (valuation.Value, valuation.UnitCost, valuation.QuantityAfter, valuation.ValueAfter).ShouldBe((value, unitCost, pool.Quantity, pool.Value), $"entry {entry.Sequence}");
        }
        if (fifo)
        {
            layers.OrderBy(l => l.PostedAt).ThenBy(l => l.Sequence).Select(l => (l.Id, l.Remaining, l.UnitCost))
                .ShouldBe(open.Select(l => (l.Id, l.Remaining, l.UnitCost)));
        }
    }
}
