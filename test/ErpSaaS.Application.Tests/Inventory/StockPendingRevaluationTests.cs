using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Inventory;
using ErpSaaS.Inventory;
using ErpSaaS.Outbox;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Inventory;

/// <summary>A company whose backdated postings rewrite at most two later entries at once, so every longer history is left pending.</summary>
public sealed class PendingRevaluationFixture : ErpTestFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<StockRevaluationOptions>(o => o.EntriesRewrittenAtOnce = 2);
    }
}

/// <summary>
/// A backdated posting in front of more later entries than it rewrites at once: the pool, the balances and the posted
/// entry are exact when it returns, the later entries' own figures follow right after (or when read), with the same
/// figures a posting that rewrote them all would have left.
/// </summary>
public sealed class StockPendingRevaluationTests(PendingRevaluationFixture fixture) : IClassFixture<PendingRevaluationFixture>
{
    private static DateTimeOffset Day(int day) => StockCompany.Day1.AddDays(day - 1);

    [Fact]
    public async Task A_receipt_backdated_before_a_long_history_values_pool_and_balance_at_once_and_the_entries_when_read()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        await acme.IssueAsync("P", "WH01", 30m, Day(3));
        await acme.ReceiveAsync("P", "WH01", 50m, 13m, Day(5));
        var issue = await acme.IssueAsync("P", "WH01", 40m, Day(6));
        await acme.ReceiveAsync("P", "WH01", 10m, issue.UnitCost, Day(6).AddHours(2));

        var late = await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2));

        (late.Quantity, late.UnitCost, late.Value).ShouldBe((20m, 16m, 320.00m));
        var (balance, pool, stored, messages) = await acme.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.StockBalances.AsNoTracking().SingleAsync(), await db.StockValuations.AsNoTracking().SingleAsync(),
                await db.StockEntryValuations.AsNoTracking().SumAsync(v => v.Value),
                await db.OutboxMessages.AsNoTracking().CountAsync(m => m.Type == IStockRevaluations.OutboxType));
        });
        (balance.OnHand, balance.Value, pool.Quantity, pool.Value).ShouldBe((110m, 1283.93m, 110m, 1283.93m));
        pool.RevalueFrom.ShouldBe(Day(2));
        stored.ShouldNotBe(1283.93m); // the later entries still carry the figures of the history before the late receipt
        messages.ShouldBe(1);

        var movements = await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockQueries>()
            .GetMovementsAsync(acme.Product("P"), new StockMovementQuery { Sort = "postedAt", PageSize = 50 }, null, null));

        movements.Items.Select(m => (m.Quantity, m.UnitCost, m.Value, m.QuantityAfter, m.ValueAfter)).ShouldBe(
        [
            (100m, 10m, 1000.00m, 100m, 1000.00m),
            (20m, 16m, 320.00m, 120m, 1320.00m),
            (-30m, 11m, -330.00m, 90m, 990.00m),
            (50m, 13m, 650.00m, 140m, 1640.00m),
            (-40m, 11.71425m, -468.57m, 100m, 1171.43m),
            (10m, 11.25m, 112.50m, 110m, 1283.93m),
        ]);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<ErpDbContext>().StockValuations.AsNoTracking().SingleAsync())).RevalueFrom.ShouldBeNull();
    }

    [Fact]
    public async Task The_outbox_message_rewrites_the_pending_entries_and_the_verification_finds_no_difference()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        for (var day = 3; day <= 8; day++) await acme.IssueAsync("P", "WH01", 7m, Day(day));
        await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2));
        await acme.IssueAsync("P", "WH01", 5m, Day(2).AddHours(1)); // a second backdated posting while the first is pending

        var settled = await acme.InCompanyAsync(async sp =>
        {
            var handler = sp.GetServices<IOutboxHandler>().Single(h => h.Type == IStockRevaluations.OutboxType);
            var db = sp.GetRequiredService<ErpDbContext>();
            foreach (var message in await db.OutboxMessages.AsNoTracking().Where(m => m.Type == IStockRevaluations.OutboxType).ToListAsync())
            {
                await handler.HandleAsync(message, CancellationToken.None);
            }
            return await db.StockValuations.AsNoTracking().CountAsync(v => v.RevalueFrom != null);
        });

        settled.ShouldBe(0);
        var entries = await acme.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return await (from e in db.StockLedgerEntries.AsNoTracking()
                          join v in db.StockEntryValuations on e.Id equals v.Id
                          orderby e.PostedAt, e.Sequence
                          select new { e.Quantity, v.UnitCost, v.Value, v.QuantityAfter, v.ValueAfter, e.IsCostGiven }).ToListAsync();
        });
        var pool = new ValuationPool(0m, 0m, 0m);
        foreach (var entry in entries)
        {
            var cost = entry.IsCostGiven ? entry.UnitCost : (decimal?)null;
            var value = StockValuationMath.MovingAverageValue(pool, entry.Quantity, cost);
            var unitCost = StockValuationMath.UnitCostOf(value, entry.Quantity, cost);
            pool = StockValuationMath.After(pool, entry.Quantity, value, unitCost);
            (entry.Value, entry.UnitCost, entry.QuantityAfter, entry.ValueAfter).ShouldBe((value, unitCost, pool.Quantity, pool.Value));
        }
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(20261101, StockValuationScope.Company)]
    [InlineData(7, StockValuationScope.Warehouse)]
    public Task Random_operations_with_pending_revaluations_keep_the_balances_equal_to_the_ledger(int seed, StockValuationScope scope) =>
        StockRandomSequenceTests.RunAsync(fixture, seed, scope);
}
