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

/// <summary>
/// A company whose backdated postings rewrite at most two later entries at once, so every longer history is left
/// pending, and whose pending entries are rewritten two per chunk.
/// </summary>
public sealed class PendingRevaluationFixture : ErpTestFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<StockRevaluationOptions>(o =>
        {
            o.EntriesRewrittenAtOnce = 2;
            o.EntriesRewrittenPerChunk = 2;
        });
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

    [Fact]
    public async Task The_pending_entries_are_rewritten_in_chunks_each_moving_the_pending_start_past_what_it_wrote()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        await acme.IssueAsync("P", "WH01", 7m, Day(3));
        for (var i = 0; i < 3; i++) await acme.IssueAsync("P", "WH01", 3m + i, Day(4)); // one instant, split between two chunks
        await acme.ReceiveAsync("P", "WH01", 30m, 12m, Day(5));
        await acme.IssueAsync("P", "WH01", 9m, Day(6));
        await acme.IssueAsync("P", "WH01", 11m, Day(7));
        await acme.IssueAsync("P", "WH01", 2m, Day(8));
        await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2)); // 9 entries from Day 2 on: five chunks of two
        var product = acme.Product("P");
        (await PendingStartAsync(acme)).ShouldBe((Day(2), (long?)null));

        // A chunk whose transaction rolls back leaves no trace: neither rewritten rows nor a moved start.
        var figures = await StoredFiguresAsync(acme);
        await acme.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await sp.GetRequiredService<IStockRevaluations>().SettleChunkAsync(product)).ShouldBeTrue();
            await transaction.RollbackAsync();
            return 0;
        });
        (await PendingStartAsync(acme)).ShouldBe((Day(2), (long?)null));
        (await StoredFiguresAsync(acme)).ShouldBe(figures);

        var starts = new List<(DateTimeOffset? From, long? Sequence)>();
        bool pending;
        do
        {
            pending = await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockRevaluations>().SettleChunkAsync(product));
            starts.Add(await PendingStartAsync(acme));
            (starts[^1].From is not null).ShouldBe(pending);
        }
        while (pending && starts.Count < 10);

        starts.Count.ShouldBe(5);
        starts.Select(s => s.From).ShouldBe([Day(4), Day(4), Day(6), Day(8), null]);
        starts[0].Sequence.ShouldNotBeNull();
        starts[1].Sequence.ShouldNotBeNull();
        starts[1].Sequence!.Value.ShouldBeGreaterThan(starts[0].Sequence!.Value);
        await EntriesShouldBeExactAsync(acme);
    }

    [Fact]
    public async Task Postings_between_two_chunks_forward_and_backdated_on_both_sides_of_the_pending_start_leave_every_figure_exact()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        for (var day = 3; day <= 10; day++) await acme.IssueAsync("P", "WH01", 5m, Day(day));
        await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(2));
        var product = acme.Product("P");
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockRevaluations>().SettleChunkAsync(product))).ShouldBeTrue();
        var afterFirstChunk = await PendingStartAsync(acme);
        afterFirstChunk.From.ShouldBe(Day(4));

        // After everything: values at the pool's current figures, the pending start stays.
        await acme.ReceiveAsync("P", "WH01", 10m, 20m, Day(12));
        await acme.IssueAsync("P", "WH01", 3m, Day(13));
        (await PendingStartAsync(acme)).ShouldBe(afterFirstChunk);
        // Backdated behind the pending start: folded from the pending start, which stays.
        await acme.IssueAsync("P", "WH01", 4m, Day(7).AddHours(1));
        (await PendingStartAsync(acme)).ShouldBe(afterFirstChunk);
        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockRevaluations>().SettleChunkAsync(product))).ShouldBeTrue();
        var afterSecondChunk = await PendingStartAsync(acme);
        afterSecondChunk.From.ShouldBe(Day(6));
        // Backdated into the part already rewritten: the pending range starts at it now.
        await acme.ReceiveAsync("P", "WH01", 5m, 12m, Day(3).AddHours(1));
        (await PendingStartAsync(acme)).ShouldBe((Day(3).AddHours(1), (long?)null));

        var settled = await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockRevaluations>().SettleAsync(product));

        settled.ShouldBe(1);
        await EntriesShouldBeExactAsync(acme);
    }

    [Fact]
    public async Task A_second_backdated_posting_while_entries_are_pending_merges_the_two_ranges()
    {
        var acme = await StockCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P");
        await acme.ReceiveAsync("P", "WH01", 100m, 10m, Day(1));
        for (var day = 3; day <= 8; day++) await acme.IssueAsync("P", "WH01", 6m, Day(day));
        await acme.ReceiveAsync("P", "WH01", 20m, 16m, Day(5));
        (await PendingStartAsync(acme)).ShouldBe((Day(5), (long?)null));

        await acme.IssueAsync("P", "WH01", 2m, Day(7)); // later than the pending start
        (await PendingStartAsync(acme)).ShouldBe((Day(5), (long?)null));
        await acme.ReceiveAsync("P", "WH01", 8m, 14m, Day(2)); // earlier
        (await PendingStartAsync(acme)).ShouldBe((Day(2), (long?)null));

        (await acme.InCompanyAsync(sp => sp.GetRequiredService<IStockRevaluations>().SettleAsync())).ShouldBe(1);
        await EntriesShouldBeExactAsync(acme);
    }

    private static Task<(DateTimeOffset? From, long? Sequence)> PendingStartAsync(StockCompany company) =>
        company.InCompanyAsync(async sp =>
        {
            var pool = await sp.GetRequiredService<ErpDbContext>().StockValuations.AsNoTracking().SingleAsync();
            return (pool.RevalueFrom, pool.RevalueFromSequence);
        });

    private static Task<List<(decimal, decimal, decimal, decimal)>> StoredFiguresAsync(StockCompany company) =>
        company.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var rows = await (from e in db.StockLedgerEntries.AsNoTracking()
                              join v in db.StockEntryValuations on e.Id equals v.Id
                              orderby e.PostedAt, e.Sequence
                              select new { v.UnitCost, v.Value, v.QuantityAfter, v.ValueAfter }).ToListAsync();
            return rows.Select(r => (r.UnitCost, r.Value, r.QuantityAfter, r.ValueAfter)).ToList();
        });

    /// <summary>
    /// Nothing pending; every entry's stored figures are the forward fold of the history in posting order, ending at the
    /// pool's figures and the balance's value; the verification agrees.
    /// </summary>
    private static async Task EntriesShouldBeExactAsync(StockCompany company)
    {
        var (entries, stored, balance) = await company.InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var rows = await (from e in db.StockLedgerEntries.AsNoTracking()
                              join v in db.StockEntryValuations on e.Id equals v.Id
                              orderby e.PostedAt, e.Sequence
                              select new { e.Quantity, v.UnitCost, v.Value, v.QuantityAfter, v.ValueAfter, e.IsCostGiven }).ToListAsync();
            return (rows, await db.StockValuations.AsNoTracking().SingleAsync(), await db.StockBalances.AsNoTracking().SingleAsync());
        });
        stored.RevalueFrom.ShouldBeNull();
        stored.RevalueFromSequence.ShouldBeNull();
        var pool = new ValuationPool(0m, 0m, 0m);
        foreach (var entry in entries)
        {
            var cost = entry.IsCostGiven ? entry.UnitCost : (decimal?)null;
            var value = StockValuationMath.MovingAverageValue(pool, entry.Quantity, cost);
            var unitCost = StockValuationMath.UnitCostOf(value, entry.Quantity, cost);
            pool = StockValuationMath.After(pool, entry.Quantity, value, unitCost);
            (entry.Value, entry.UnitCost, entry.QuantityAfter, entry.ValueAfter).ShouldBe((value, unitCost, pool.Quantity, pool.Value));
        }
        (stored.Quantity, stored.Value, balance.OnHand, balance.Value).ShouldBe((pool.Quantity, pool.Value, pool.Quantity, pool.Value));
        (await company.InCompanyAsync(sp => sp.GetRequiredService<IStockVerifier>().CompareAsync())).Differences.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(20261101, StockValuationScope.Company)]
    [InlineData(7, StockValuationScope.Warehouse)]
    public Task Random_operations_with_pending_revaluations_keep_the_balances_equal_to_the_ledger(int seed, StockValuationScope scope) =>
        StockRandomSequenceTests.RunAsync(fixture, seed, scope);
}
