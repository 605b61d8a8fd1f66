using System.Diagnostics;
using ErpSaaS.Benchmarks.Dataset;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Sales;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>One order a client places: its customer and five lines (product code, quantity in pieces).</summary>
public sealed record SalesOrderPlan(Guid CustomerId, IReadOnlyList<(string Code, decimal Quantity)> Lines);

/// <summary>
/// 32 salespeople at once, each with its 5-line drafts (one or two of the 10 hot products, 1–5 pieces each, and other
/// products, 1–20 pieces), confirming them one after the other. Through the application as the
/// pages do it (<see cref="ISalesOrderAppService"/> create, get, confirm, each in a DI scope of its own like a
/// request) and through <see cref="RawSalesOrders"/> (the same writes in plain Npgsql). Both modes place the same
/// seeded orders, on the same data: before every round the orders, their reservations and audit rows are deleted and the
/// reserved quantities set back to 0, so each round starts with <see cref="SalesCompany.HotStock"/> of each hot product. The
/// hot stock covers about half the orders: the rest must be refused for insufficient stock (the business outcome), never with a deadlock,
/// a serialization failure or any other error. Afterwards the reservations are checked against the balances and
/// the orders (oversold units must be 0) and the ledger against the balances (SUM check).
/// </summary>
public sealed class SalesConfirmScenario(SalesCompany company, ServiceProvider services, NpgsqlDataSource app, NpgsqlDataSource owner, TextWriter log,
    int clients, int ordersPerClient, int rounds)
{
    public const double TargetRatio = 0.5;

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var raw = new RawSalesOrders(app, company);
        var plans = Enumerable.Range(0, clients).Select(client => PlanOrders(client)).ToList();
        var deadlocksBefore = await DatabaseCounterAsync("deadlocks", cancellationToken);

        // Warm-up: EF's model and query caches, the permission and setting caches, both connection pools.
        foreach (var mode in Enum.GetValues<Mode>())
        {
            await ResetAsync(cancellationToken);
            await RunRoundAsync(mode, raw, plans.Select(p => p.Take(3).ToList()).ToList(), cancellationToken);
        }
        var statements = await CountStatementsAsync(raw, cancellationToken);

        var totals = Enum.GetValues<Mode>().ToDictionary(m => m, _ => new Outcome());
        var checks = new List<(Mode Mode, SalesStockCheck Check)>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternating which goes first, so a change of load on the shared machine does not always hit the same mode.
            foreach (var mode in round % 2 == 0 ? [Mode.Application, Mode.Raw] : new[] { Mode.Raw, Mode.Application })
            {
                await ResetAsync(cancellationToken);
                var outcome = await RunRoundAsync(mode, raw, plans, cancellationToken);
                var check = await SalesStockCheck.RunAsync(owner, company, cancellationToken);
                checks.Add((mode, check));
                log.WriteLine($"  round {round + 1} {mode}: {outcome.Throughput:F1} confirmations/s ({outcome.DraftThroughput:F1} drafts/s before), {outcome.Confirmed} confirmed, {outcome.Refused} refused, "
                              + $"{outcome.Deadlocks} deadlocks, {outcome.SerializationFailures} serialization failures, {outcome.Failures} other failures; "
                              + $"confirm {outcome.ConfirmLatency.Summary()}; {check}");
                totals[mode].Merge(outcome);
            }
        }
        var deadlocksAfter = await DatabaseCounterAsync("deadlocks", cancellationToken);

        var application = totals[Mode.Application];
        var baseline = totals[Mode.Raw];
        var ratio = application.Throughput / baseline.Throughput;
        var draftRatio = application.DraftThroughput / baseline.DraftThroughput;
        var oversold = checks.Sum(c => c.Check.OversoldUnits);
        var inconsistent = checks.Count(c => !c.Check.IsConsistent);
        var errors = application.Deadlocks + application.SerializationFailures + application.Failures;
        var databaseDeadlocks = deadlocksAfter - deadlocksBefore;
        var met = ratio >= TargetRatio && oversold == 0 && inconsistent == 0 && errors == 0 && databaseDeadlocks == 0
                  && baseline.Deadlocks + baseline.SerializationFailures + baseline.Failures == 0 && application.Refused > 0;
        log.WriteLine($"Sales confirmation: app {application.Throughput:F1}/s vs raw {baseline.Throughput:F1}/s = {ratio:P0}; oversold {oversold}; errors {errors}");

        var result = new ScenarioResult($"{clients} clients confirming 5-line sales orders, {SalesCompany.HotProducts} hot of {SalesCompany.Products:N0} products (ISalesOrderAppService)",
            $"{application.Throughput:F1} confirmations/s; confirm p50 {application.ConfirmLatency.Median:F0} ms, p95 {application.ConfirmLatency.Percentile(95):F0} ms, "
            + $"p99 {application.ConfirmLatency.Percentile(99):F0} ms; oversold units {oversold}; deadlock/serialization/other errors {application.Deadlocks}/{application.SerializationFailures}/{application.Failures}",
            $"≥ {TargetRatio:P0} of raw; 0 oversold; 0 errors", met, $"raw Npgsql {baseline.Throughput:F1} confirmations/s", $"{ratio:P0}");
        result.Details.Add($"Database `{company.DatabaseName}`. {rounds} rounds per mode, alternating, each of {clients} clients × {ordersPerClient} orders, after a warm-up of 3 orders "
                           + $"per client per mode. Before every round the orders, reservations and their audit rows are deleted and the reserved quantities reset "
                           + $"({SalesCompany.HotStock:N0} on hand per hot product, {SalesCompany.PlentifulStock:N0} per other product). A round first writes every client's drafts "
                           + $"(create, then the order's page for the version), then every client confirms its drafts one after the other: confirmations/s = confirmed + refused over the "
                           + $"confirmation phase's wall time; latency per confirm call (a DI scope per call, as a request).");
        result.Details.Add($"Application: {application.Confirmed:N0} confirmed, {application.Refused:N0} refused for insufficient stock, {application.Deadlocks} deadlocks, "
                           + $"{application.SerializationFailures} serialization failures, {application.Failures} other errors; confirmation {application.ConfirmLatency.Summary()}, p99 {application.ConfirmLatency.Percentile(99):F1} ms.");
        result.Details.Add($"Raw Npgsql: {baseline.Confirmed:N0} confirmed, {baseline.Refused:N0} refused, {baseline.Deadlocks} deadlocks, {baseline.SerializationFailures} serialization failures, "
                           + $"{baseline.Failures} other errors; confirmation {baseline.ConfirmLatency.Summary()}, p99 {baseline.ConfirmLatency.Percentile(99):F1} ms.");
        result.Details.Add($"Drafts (create and read, before the confirmations): application {application.DraftThroughput:F1} drafts/s, {application.DraftLatency.Summary()}; "
                           + $"raw {baseline.DraftThroughput:F1} drafts/s, {baseline.DraftLatency.Summary()}; ratio {draftRatio:P0} (no target).");
        result.Details.Add($"Commands and batches sent to PostgreSQL for one order placed alone, as Npgsql traces them (BEGIN and COMMIT not counted), create / read / confirm "
                           + $"(/ a confirmation refused for want of stock): application {statements.Application}, raw {statements.Raw}.");
        result.Details.Add($"After every round: {string.Join("; ", checks.Select(c => $"{c.Mode}: {c.Check}"))}. "
                           + $"Deadlocks counted by PostgreSQL for the database over the scenario: {databaseDeadlocks}.");
        if ((application.FirstFailure ?? baseline.FirstFailure) is { } failure) result.Details.Add($"First unexpected failure: {failure}");
        return result;
    }

    /// <summary>Each client's orders, the same in every round and mode (seeded by the run's seed and the client).</summary>
    private List<SalesOrderPlan> PlanOrders(int client)
    {
        var random = new Random(company.Seed * 1_000 + client);
        var customer = company.CustomerIds[client % company.CustomerIds.Count];
        return Enumerable.Range(0, ordersPerClient).Select(_ =>
        {
            var hot = company.HotProductCodes.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(code => (code, (decimal)random.Next(1, 6)));
            var others = Enumerable.Range(0, int.MaxValue).Select(_ => company.ProductCodes[random.Next(company.ProductCodes.Count)]).Distinct().Take(5 - hot.Count())
                .Select(code => (code, (decimal)random.Next(1, 21)));
            var lines = hot.Concat(others).ToList();
            return new SalesOrderPlan(customer, lines.OrderBy(_ => random.Next()).ToList());
        }).ToList();
    }

    /// <summary>
    /// One round: first every client writes its drafts (create, then the order's page, which gives the version the
    /// confirm button sends), then, once all drafts exist, every client confirms its drafts one after the other. The
    /// confirmation phase alone is the throughput the issue asks for; the drafts' phase is reported beside it.
    /// </summary>
    private async Task<Outcome> RunRoundAsync(Mode mode, RawSalesOrders raw, IReadOnlyList<List<SalesOrderPlan>> plans, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        var drafts = plans.Select(_ => new List<(Guid Id, uint Version)>()).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(plans.Select((orders, client) => Task.Run(async () =>
        {
            foreach (var plan in orders)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (mode == Mode.Raw)
                    {
                        var (id, _) = await raw.CreateAsync(plan, cancellationToken);
                        drafts[client].Add((id, await raw.ReadAsync(id, cancellationToken)));
                    }
                    else
                    {
                        var id = await InRequestAsync(orders => orders.CreateAsync(Input(plan), cancellationToken));
                        drafts[client].Add((id, (await InRequestAsync(orders => orders.GetAsync(id, cancellationToken))).Version));
                    }
                    outcome.RecordDraft(Stopwatch.GetElapsedTime(started));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    outcome.RecordError(error);
                }
            }
        }, cancellationToken)));
        outcome.DraftsElapsed = clock.Elapsed;

        clock.Restart();
        await Task.WhenAll(drafts.Select(orders => Task.Run(async () =>
        {
            foreach (var (id, version) in orders)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    bool confirmed;
                    if (mode == Mode.Raw)
                    {
                        confirmed = await raw.ConfirmAsync(id, version, cancellationToken);
                    }
                    else
                    {
                        var status = await InRequestAsync(orders => orders.ConfirmAsync(id, new SalesActionInput { Version = version }, cancellationToken));
                        confirmed = status == SalesOrderStatus.Confirmed ? true : throw new InvalidOperationException($"Confirmation left the order {status}.");
                    }
                    outcome.Record(confirmed, Stopwatch.GetElapsedTime(started));
                }
                catch (BusinessException refused) when (refused.Code is SalesErrorCodes.InsufficientStock or SalesErrorCodes.InsufficientStockNoSupply)
                {
                    outcome.Record(false, Stopwatch.GetElapsedTime(started));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    outcome.RecordError(error);
                }
            }
        }, cancellationToken)));
        outcome.Elapsed = clock.Elapsed;
        return outcome;
    }

    /// <summary>One request's worth of work: a scope of its own, the company and its admin signed in, as the web host sets them.</summary>
    private async Task<T> InRequestAsync<T>(Func<ISalesOrderAppService, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(company.TenantId);
        using var user = sp.GetRequiredService<ICurrentUser>().Change(company.AdminUserId, "admin");
        return await work(sp.GetRequiredService<ISalesOrderAppService>());
    }

    private SalesOrderInput Input(SalesOrderPlan plan) => new()
    {
        RequestId = Guid.NewGuid(), CustomerId = plan.CustomerId, WarehouseId = company.WarehouseId,
        Lines = [.. plan.Lines.Select(l => new SalesOrderLineInput { Product = l.Code, Quantity = l.Quantity })],
    };

    /// <summary>
    /// Round trips of one order placed with nothing else running, counted from Npgsql's own tracing (one activity per
    /// command or batch sent), after the warm-up so caches are as a running app has them.
    /// </summary>
    private async Task<(string Application, string Raw)> CountStatementsAsync(RawSalesOrders raw, CancellationToken cancellationToken)
    {
        var plan = PlanOrders(clients)[0];
        var counts = new List<int>();
        var count = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref count);
                if (Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1")
                {
                    Console.WriteLine($"-- {(activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await ResetAsync(cancellationToken);
        async Task Step(Func<Task> work)
        {
            Interlocked.Exchange(ref count, 0);
            await work();
            counts.Add(Interlocked.Exchange(ref count, 0));
        }
        Guid id = default;
        uint version = 0;
        await Step(async () => id = await InRequestAsync(orders => orders.CreateAsync(Input(plan), cancellationToken)));
        await Step(async () => version = (await InRequestAsync(orders => orders.GetAsync(id, cancellationToken))).Version);
        if (Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1") Console.WriteLine("== confirm");
        await Step(() => InRequestAsync(orders => orders.ConfirmAsync(id, new SalesActionInput { Version = version }, cancellationToken)));
        if (Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1") Console.WriteLine("== end confirm");
        // A confirmation refused for want of stock (about half of them in a round): what the refusal costs to explain.
        var tooMuch = new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = plan.CustomerId, WarehouseId = company.WarehouseId,
            Lines = [new SalesOrderLineInput { Product = company.HotProductCodes[0], Quantity = SalesCompany.HotStock + 1 }],
        };
        var refusedId = await InRequestAsync(orders => orders.CreateAsync(tooMuch, cancellationToken));
        var refusedVersion = (await InRequestAsync(orders => orders.GetAsync(refusedId, cancellationToken))).Version;
        if (Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1") Console.WriteLine("== refused confirm");
        await Step(async () =>
        {
            try
            {
                await InRequestAsync(orders => orders.ConfirmAsync(refusedId, new SalesActionInput { Version = refusedVersion }, cancellationToken));
                throw new InvalidOperationException("A confirmation beyond the stock on hand was not refused.");
            }
            catch (BusinessException refused) when (refused.Code is SalesErrorCodes.InsufficientStock or SalesErrorCodes.InsufficientStockNoSupply)
            {
            }
        });
        if (Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1") Console.WriteLine("== end refused confirm");
        await Step(async () => (id, _) = await raw.CreateAsync(plan, cancellationToken));
        await Step(async () => version = await raw.ReadAsync(id, cancellationToken));
        await Step(() => raw.ConfirmAsync(id, version, cancellationToken));
        return ($"{counts[0]} / {counts[1]} / {counts[2]} / {counts[3]}", $"{counts[4]} / {counts[5]} / {counts[6]}");
    }

    /// <summary>Back to the dataset's state: no orders, no reservations, nothing reserved (the ledger and on-hand quantities never change here).</summary>
    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await owner.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT set_config('erp.tenant_id', @tenant_text, true);
                DELETE FROM stock_reservations WHERE tenant_id = @tenant AND source_type = @source_type;
                UPDATE stock_warehouse_balances SET reserved = 0 WHERE tenant_id = @tenant AND reserved <> 0;
                DELETE FROM entity_changes WHERE tenant_id = @tenant AND entity_type IN ('SalesOrder', 'SalesOrderLine', 'SalesOrderEvent');
                DELETE FROM sales_orders WHERE tenant_id = @tenant;
                """, connection, transaction);
            command.Parameters.AddWithValue("tenant_text", company.TenantId.ToString());
            command.Parameters.AddWithValue("tenant", company.TenantId);
            command.Parameters.AddWithValue("source_type", SalesConsts.OrderSource);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await using (var connection = await owner.OpenConnectionAsync(cancellationToken))
        {
            // Not timed: every round starts on tables without the previous round's dead rows.
            await using var vacuum = new NpgsqlCommand(
                "VACUUM (ANALYZE) sales_orders, sales_order_lines, sales_order_events, stock_reservations, stock_warehouse_balances, entity_changes, document_sequences, products",
                connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<long> DatabaseCounterAsync(string column, CancellationToken cancellationToken)
    {
        await using var connection = await owner.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {column} FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private enum Mode
    {
        Application,
        Raw,
    }

    /// <summary>Counts of one round (or the sum of rounds) of one mode; clients record into it concurrently.</summary>
    private sealed class Outcome
    {
        private readonly Lock _gate = new();

        public long Confirmed { get; private set; }
        public long Refused { get; private set; }
        public long Deadlocks { get; private set; }
        public long SerializationFailures { get; private set; }
        public long Failures { get; private set; }
        public string? FirstFailure { get; private set; }
        public long Drafts { get; private set; }

        /// <summary>The confirmation phase's wall time.</summary>
        public TimeSpan Elapsed { get; set; }
        public TimeSpan DraftsElapsed { get; set; }
        public Timings ConfirmLatency { get; } = new();
        public Timings DraftLatency { get; } = new();

        /// <summary>Confirmations answered (confirmed or refused) per second of the confirmation phase.</summary>
        public double Throughput => (Confirmed + Refused) / Elapsed.TotalSeconds;
        public double DraftThroughput => Drafts / DraftsElapsed.TotalSeconds;

        public void Record(bool confirmed, TimeSpan confirmation)
        {
            lock (_gate)
            {
                if (confirmed) Confirmed++;
                else Refused++;
                ConfirmLatency.Add(confirmation);
            }
        }

        public void RecordDraft(TimeSpan draft)
        {
            lock (_gate)
            {
                Drafts++;
                DraftLatency.Add(draft);
            }
        }

        /// <summary>Anything a user would have seen as an error: a deadlock, a serialization failure, or any other exception.</summary>
        public void RecordError(Exception error)
        {
            var database = Inner(error);
            lock (_gate)
            {
                if (database?.SqlState == PostgresErrorCodes.DeadlockDetected) Deadlocks++;
                else if (database?.SqlState == PostgresErrorCodes.SerializationFailure) SerializationFailures++;
                else Failures++;
                FirstFailure ??= $"{error.GetType().Name}: {error.Message}";
            }
        }

        public void Merge(Outcome round)
        {
            Confirmed += round.Confirmed;
            Refused += round.Refused;
            Deadlocks += round.Deadlocks;
            SerializationFailures += round.SerializationFailures;
            Failures += round.Failures;
            FirstFailure ??= round.FirstFailure;
            Drafts += round.Drafts;
            Elapsed += round.Elapsed;
            DraftsElapsed += round.DraftsElapsed;
            foreach (var latency in round.ConfirmLatency.All) ConfirmLatency.Add(TimeSpan.FromMilliseconds(latency));
            foreach (var latency in round.DraftLatency.All) DraftLatency.Add(TimeSpan.FromMilliseconds(latency));
        }

        private static PostgresException? Inner(Exception? error)
        {
            for (; error is not null; error = error.InnerException)
            {
                if (error is PostgresException postgres) return postgres;
            }
            return null;
        }
    }
}
