using System.Diagnostics;
using ErpSaaS.Benchmarks.Dataset;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// 32 posters at once on the 10 hot products (a busy warehouse's best sellers): each posting has one to three lines
/// on different hot products in the first two warehouses, in random order (so lock ordering matters), receipts and
/// issues of 1–10 units. Run through the application (<see cref="IStockLedger.PostAsync"/> in a unit of work per
/// posting, as a document service would) and through <see cref="RawStockPoster"/> (the same statements in plain
/// Npgsql), each for a fixed time, alternating rounds so a change of load on the shared machine hits both alike. Both
/// draw the same seeded postings. A third mode posts through the application with one posting time per round, which
/// shows what the revaluation of postings that waited for their product's lock costs (see the details). Afterwards: negative balances (must be 0), deadlocks (caught 40P01 and the
/// database's deadlock counter, must be 0) and the SUM check (ledger == balances).
/// </summary>
public sealed class ConcurrentPostingScenario(BenchRun run, int posters, TimeSpan roundDuration, int rounds)
{
    public const double TargetRatio = 0.5;

    // Source numbers carry the mode and this run, so the out-of-order count below looks at this run's postings only.
    private readonly string _runTag = Guid.NewGuid().ToString("N")[..6];

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var raw = new RawStockPoster(run.App, run.Company.TenantId, run.Company.AdminUserId);
        var deadlocksBefore = await DatabaseDeadlocksAsync(cancellationToken);

        // Warm-up: EF's model and query caches, both connection pools, the hot rows in shared buffers.
        await RunRoundAsync(Mode.Application, raw, TimeSpan.FromSeconds(3), round: -1, cancellationToken);
        await RunRoundAsync(Mode.Raw, raw, TimeSpan.FromSeconds(3), round: -1, cancellationToken);
        await RunRoundAsync(Mode.ApplicationAtOneTime, raw, TimeSpan.FromSeconds(3), round: -1, cancellationToken);

        var modes = Enum.GetValues<Mode>();
        var totals = modes.ToDictionary(m => m, _ => new RoundOutcome());
        for (var round = 0; round < rounds; round++)
        {
            // Rotated each round, so a change of load on the shared machine does not always hit the same mode.
            foreach (var mode in modes.Skip(round % modes.Length).Concat(modes.Take(round % modes.Length)))
            {
                var outcome = await RunRoundAsync(mode, raw, roundDuration, round, cancellationToken);
                run.Log.WriteLine($"  round {round + 1} {mode}: {outcome.Committed / outcome.Elapsed.TotalSeconds:F1} postings/s, {outcome.Committed} committed, "
                                  + $"{outcome.Refused} refused, {outcome.Deadlocks} deadlocks, {outcome.Failures} other failures");
                totals[mode].Merge(outcome);
            }
        }

        var deadlocksAfter = await DatabaseDeadlocksAsync(cancellationToken);
        var outOfOrder = await OutOfOrderPostingsAsync(cancellationToken);
        await using var owner = await run.Owner.OpenConnectionAsync(cancellationToken);
        var check = await LedgerConsistency.CheckAsync(owner, run.Company.TenantId, cancellationToken);
        var app = totals[Mode.Application];
        var baseline = totals[Mode.Raw];
        var sameTime = totals[Mode.ApplicationAtOneTime];
        var ratio = app.Throughput / baseline.Throughput;
        var deadlocks = app.Deadlocks + baseline.Deadlocks + sameTime.Deadlocks + (deadlocksAfter - deadlocksBefore);
        var met = ratio >= TargetRatio && check.NegativeBalances == 0 && deadlocks == 0 && check.IsConsistent && app.Failures + baseline.Failures + sameTime.Failures == 0;
        run.Log.WriteLine($"Concurrent posting: app {app.Throughput:F1}/s vs raw {baseline.Throughput:F1}/s = {ratio:P0}; {check}; deadlocks {deadlocks}");

        var result = new ScenarioResult($"{posters} concurrent posters on {run.Company.HotProductIds.Count} hot products (PostAsync)",
            $"{app.Throughput:F1} postings/s; negative balances {check.NegativeBalances}, deadlocks {deadlocks}",
            $"≥ {TargetRatio:P0} of raw; 0 negative, 0 deadlocks", met, $"raw Npgsql {baseline.Throughput:F1} postings/s", $"{ratio:P0}");
        result.Details.Add($"{rounds} rounds of {roundDuration.TotalSeconds:F0} s per mode, alternating, after 3 s warm-up each; postings of 1–3 lines (receipts and issues of 1–10 units) on 10 hot products in 2 warehouses.");
        result.Details.Add($"Application: {app.Committed:N0} postings committed ({app.Lines:N0} lines), {app.Refused} refused for stock, {app.Failures} other failures; latency {app.Latency.Summary()}.");
        result.Details.Add($"Application with every posting of a round dated at the round's start (a posting date rather than a clock reading, so none is ever earlier than the pool's last entry and none is revalued): {sameTime.Throughput:F1} postings/s = {sameTime.Throughput / baseline.Throughput:P0} of raw; {sameTime.Committed:N0} committed, {sameTime.Refused} refused, {sameTime.Failures} other failures; latency {sameTime.Latency.Summary()}.");
        result.Details.Add($"Raw Npgsql: {baseline.Committed:N0} postings committed ({baseline.Lines:N0} lines), {baseline.Refused} refused for stock, {baseline.Failures} other failures; latency {baseline.Latency.Summary()}.");
        result.Details.Add($"Deadlocks: {app.Deadlocks + sameTime.Deadlocks} caught in the app, {baseline.Deadlocks} in the raw run, {deadlocksAfter - deadlocksBefore} counted by PostgreSQL for the database. Afterwards the SUM check: {check}.");
        result.Details.Add($"Postings dated (at their start) before an entry their product already had when they got its lock, so PostAsync treated them as backdated and revalued: app {outOfOrder.GetValueOrDefault("APP")} of {app.Committed:N0}, app at one time {outOfOrder.GetValueOrDefault("ONE")}, raw {outOfOrder.GetValueOrDefault("RAW")} (the raw run dates after locking and never revalues).");
        if ((app.FirstFailure ?? baseline.FirstFailure) is { } failure) result.Details.Add($"First unexpected failure: {failure}");
        return result;
    }

    private async Task<RoundOutcome> RunRoundAsync(Mode mode, RawStockPoster raw, TimeSpan duration, int round, CancellationToken cancellationToken)
    {
        var outcome = new RoundOutcome();
        var roundStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, posters).Select(poster => Task.Run(async () =>
        {
            // Same seed per (round, poster) for both modes: both runs draw the same postings in the same order.
            var random = new Random(HashCode.Combine(run.Company.Seed, round, poster));
            var number = 0;
            while (clock.Elapsed < duration)
            {
                var movements = NextPosting(random);
                var sourceNumber = $"{(mode == Mode.Raw ? "RAW" : mode == Mode.Application ? "APP" : "ONE")}-{_runTag}-{round + 2}-{poster:D2}-{++number:D6}";
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var committed = mode == Mode.Raw
                        ? await raw.PostAsync(movements, sourceNumber, cancellationToken)
                        : await PostThroughApplicationAsync(movements, sourceNumber, mode == Mode.Application ? DateTimeOffset.UtcNow : roundStart, cancellationToken);
                    outcome.Record(committed, movements.Count, Stopwatch.GetElapsedTime(started));
                }
                catch (BusinessException error) when (error.Code == InventoryErrorCodes.InsufficientStock)
                {
                    outcome.Record(false, movements.Count, Stopwatch.GetElapsedTime(started));
                }
                catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DeadlockDetected)
                {
                    outcome.RecordDeadlock();
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    outcome.RecordFailure(error);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        outcome.Elapsed = clock.Elapsed;
        return outcome;
    }

    private async Task<bool> PostThroughApplicationAsync(IReadOnlyList<StockMovement> movements, string sourceNumber, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(run.Company.TenantId);
        using var user = sp.GetRequiredService<ICurrentUser>().Change(run.Company.AdminUserId, "admin");
        var ledger = sp.GetRequiredService<IStockLedger>();
        var posting = new StockPosting(StockSourceTypes.Adjustment, Guid.NewGuid(), sourceNumber, postedAt, movements);
        await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(ct => ledger.PostAsync(posting, ct), cancellationToken);
        return true;
    }

    private List<StockMovement> NextPosting(Random random)
    {
        var hot = run.Company.HotProductIds;
        var lines = random.Next(1, 4);
        return hot.OrderBy(_ => random.Next()).Take(lines).Select((product, index) =>
        {
            var isReceipt = random.Next(2) == 0;
            var quantity = random.Next(1, 11);
            return new StockMovement
            {
                ProductId = product,
                WarehouseId = run.Company.Warehouses[random.Next(2)],
                Quantity = isReceipt ? quantity : -quantity,
                UnitCost = isReceipt ? 10m + random.Next(0, 201) / 100m : null,
                LineNumber = index + 1,
            };
        }).ToList();
    }

    /// <summary>
    /// Entries of this run whose posting time is earlier than that of an entry of the same product written before them
    /// (by sequence): the posting took "now" before waiting for the product's lock, and a poster that got the lock
    /// first wrote a later time. Per mode prefix (APP, ONE, RAW).
    /// </summary>
    private async Task<Dictionary<string, long>> OutOfOrderPostingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await run.OpenCompanyConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT left(source_number, 3), count(DISTINCT source_id) FILTER (WHERE posted_at < latest_before)
            FROM (SELECT source_number, source_id, posted_at,
                         max(posted_at) OVER (PARTITION BY product_id, valuation_key ORDER BY sequence ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_before
                  FROM stock_ledger_entries WHERE tenant_id = @tenant AND product_id = ANY(@products)) e
            WHERE source_number LIKE ANY (@prefixes)
            GROUP BY 1
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("tenant", run.Company.TenantId);
        command.Parameters.AddWithValue("products", run.Company.HotProductIds.ToArray());
        command.Parameters.AddWithValue("prefixes", new[] { $"APP-{_runTag}-%", $"RAW-{_runTag}-%", $"ONE-{_runTag}-%" });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task<long> DatabaseDeadlocksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await run.Owner.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private enum Mode
    {
        Raw,

        /// <summary>PostAsync with the time of the call, as a document posted "now" would be.</summary>
        Application,

        /// <summary>PostAsync with one posting time for the whole round (every earlier entry is older).</summary>
        ApplicationAtOneTime,
    }

    /// <summary>Counts of one round (or the sum of rounds) of one mode; posters record into it concurrently.</summary>
    private sealed class RoundOutcome
    {
        private readonly Lock _gate = new();

        public long Committed { get; private set; }
        public long Lines { get; private set; }
        public long Refused { get; private set; }
        public long Deadlocks { get; private set; }
        public long Failures { get; private set; }
        public string? FirstFailure { get; private set; }
        public TimeSpan Elapsed { get; set; }
        public Timings Latency { get; } = new();
        public double Throughput => Committed / Elapsed.TotalSeconds;

        public void Record(bool committed, int lines, TimeSpan latency)
        {
            lock (_gate)
            {
                if (committed)
                {
                    Committed++;
                    Lines += lines;
                }
                else
                {
                    Refused++;
                }
                Latency.Add(latency);
            }
        }

        public void RecordDeadlock()
        {
            lock (_gate) Deadlocks++;
        }

        public void RecordFailure(Exception error)
        {
            lock (_gate)
            {
                Failures++;
                FirstFailure ??= $"{error.GetType().Name}: {error.Message}";
            }
        }

        public void Merge(RoundOutcome round)
        {
            Committed += round.Committed;
            Lines += round.Lines;
            Refused += round.Refused;
            Deadlocks += round.Deadlocks;
            Failures += round.Failures;
            FirstFailure ??= round.FirstFailure;
            Elapsed += round.Elapsed;
            foreach (var latency in round.Latency.All) Latency.Add(TimeSpan.FromMilliseconds(latency));
        }
    }
}
