using System.Diagnostics;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// A goods receipt booked late (补录入库单): dated before the deep product's 1 M later entries and at another cost, so
/// the moving average of every later entry changes and <see cref="IStockLedger.PostAsync"/> revalues them all (one
/// set-based statement), moves the balance's value and the pool. Measured is the whole PostAsync call in the app's
/// unit of work (scope, tenant, user). Each attempt is rolled back instead of committed, so every attempt (and every
/// later run on the same database) finds the same 1 M entries; the commit itself would add one WAL flush. The owner
/// vacuums the ledger between attempts so an attempt does not wade through the previous one's 1 M dead row versions.
/// </summary>
public sealed class BackdatedReceiptScenario(BenchRun run, int warmups, int measured)
{
    public const double TargetMilliseconds = 5_000;

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var (backdate, laterEntries, standardCost) = await FindBackdateAsync(cancellationToken);
        run.Log.WriteLine($"Backdated receipt at {backdate:u}: {laterEntries:N0} later entries of {Dataset.BenchCompany.DeepProductCode}");
        var timings = new Timings();
        var settlements = new Timings();
        var chunks = new Timings();
        var vacuums = new Timings();
        for (var i = 0; i < warmups + measured; i++)
        {
            // The pending entries are rewritten (and timed) once, after the first measured posting: it takes minutes here.
            var (elapsed, settled) = await PostAndRollBackAsync(backdate, Math.Round(standardCost * 1.5m, 4), i == warmups ? chunks : null, cancellationToken);
            run.Log.WriteLine($"  attempt {i + 1}: {elapsed.TotalSeconds:F2} s{(settled is { } s ? $", then the later entries' own figures {s.TotalSeconds:F2} s in {chunks.Count} chunks (longest {chunks.Max / 1000:F2} s)" : "")}{(i < warmups ? " (warm-up)" : "")}");
            if (settled is { } settlement) settlements.Add(settlement);
            vacuums.Add(await VacuumAsync(cancellationToken));
            // Far beyond the target, another attempt takes as many minutes and says nothing new: the first one counts.
            if (elapsed.TotalMilliseconds > 3 * TargetMilliseconds)
            {
                timings.Add(elapsed);
                run.Log.WriteLine($"  more than 3 × the target: no further attempts");
                break;
            }
            if (i >= warmups) timings.Add(elapsed);
        }
        var worst = timings.Max;
        var result = new ScenarioResult($"Backdated receipt, {laterEntries:N0} later entries (PostAsync)",
            $"max {worst / 1000:F2} s (p50 {timings.Median / 1000:F2} s)", $"< {TargetMilliseconds / 1000:F0} s", worst < TargetMilliseconds);
        result.Details.Add($"IStockLedger.PostAsync of one receipt line dated before {laterEntries:N0} entries of one moving-average product, at 1.5 × its standard cost, rolled back; up to {measured} attempts after {warmups} warm-up (an attempt beyond 3 × the target counts and ends the scenario): {timings.Summary()}. VACUUM between attempts (not counted): {vacuums.Summary()}. After the first measured attempt, in the same transaction (not counted: after a real posting it runs once the posting has committed, from the outbox, or when a page reads the entries first), rewriting the later entries' own figures the posting left pending, chunk after chunk (IStockRevaluations.SettleChunkAsync until none is left; each chunk holds the product's lock only while it runs when it commits on its own): total {settlements.Summary()}; per chunk: {chunks.Summary()}.");
        return result;
    }

    private async Task<(DateTimeOffset Backdate, long LaterEntries, decimal StandardCost)> FindBackdateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await run.OpenCompanyConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH first_later AS (
                SELECT posted_at FROM stock_ledger_entries
                WHERE tenant_id = @tenant AND product_id = @product AND valuation_key = @key
                ORDER BY posted_at, sequence OFFSET @earlier LIMIT 1
            )
            SELECT f.posted_at - interval '1 minute',
                   (SELECT count(*) FROM stock_ledger_entries e
                    WHERE e.tenant_id = @tenant AND e.product_id = @product AND e.valuation_key = @key AND e.posted_at >= f.posted_at - interval '1 minute'),
                   (SELECT standard_cost FROM products WHERE tenant_id = @tenant AND id = @product)
            FROM first_later f
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("tenant", run.Company.TenantId);
        command.Parameters.AddWithValue("product", run.Company.DeepProductId);
        command.Parameters.AddWithValue("key", StockConsts.CompanyWide);
        command.Parameters.AddWithValue("earlier", Dataset.DatasetShape.DeepEarlierEntries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetDecimal(2));
    }

    private async Task<(TimeSpan Posting, TimeSpan? Settlement)> PostAndRollBackAsync(DateTimeOffset backdate, decimal unitCost, Timings? chunks, CancellationToken cancellationToken)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(run.Company.TenantId);
        using var user = sp.GetRequiredService<ICurrentUser>().Change(run.Company.AdminUserId, "admin");
        var db = sp.GetRequiredService<ErpDbContext>();
        var ledger = sp.GetRequiredService<IStockLedger>();
        var posting = new StockPosting("PurchaseReceipt", Guid.NewGuid(), "GR-LATE-0001", backdate,
        [
            new StockMovement { ProductId = run.Company.DeepProductId, WarehouseId = run.Company.Warehouses[0], Quantity = 100m, UnitCost = unitCost, LineNumber = 1 },
        ]);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await ledger.PostAsync(posting, cancellationToken);
        clock.Stop();
        TimeSpan? settled = null;
        if (chunks is not null)
        {
            // Chunk by chunk, each timed: the longest is the longest the product's postings wait for the rewrite.
            var revaluations = sp.GetRequiredService<IStockRevaluations>();
            var settlement = Stopwatch.StartNew();
            bool pending;
            do
            {
                var chunk = Stopwatch.StartNew();
                pending = await revaluations.SettleChunkAsync(run.Company.DeepProductId, cancellationToken);
                chunks.Add(chunk.Elapsed);
            }
            while (pending);
            settled = settlement.Elapsed;
        }
        await transaction.RollbackAsync(cancellationToken);
        return (clock.Elapsed, settled);
    }

    private async Task<TimeSpan> VacuumAsync(CancellationToken cancellationToken)
    {
        await using var connection = await run.Owner.OpenConnectionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var table in new[] { "stock_entry_valuations", "stock_balances", "stock_valuations", "stock_warehouse_balances" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM {table}", connection) { CommandTimeout = 3600 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        return clock.Elapsed;
    }
}
