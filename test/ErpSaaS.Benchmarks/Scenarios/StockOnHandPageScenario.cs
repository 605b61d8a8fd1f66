using System.Diagnostics;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Identity;
using ErpSaaS.Inventory;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The stock inquiry page (库存查询, /App/Inventory/Stock): <see cref="IStockInquiryAppService.GetOnHandAsync"/>, the
/// call its page model makes, in a fresh scope per request as the web host does (tenant, user, permission check, then
/// StockQueries: the filter's totals, the row count and one page, three round trips). Filters are drawn from a
/// seeded mix like people use the page: a warehouse (half), a search text (half: a code fragment such as "SKU-012", or
/// a word of the name such as "bearing"), zero balances included (30 %), sorted by code (80 %) or by on hand / value,
/// one of the first ten pages of 50.
/// </summary>
public sealed class StockOnHandPageScenario(BenchRun run, int warmups, int measured)
{
    public const double TargetMilliseconds = 100;
    private const int PageSize = 50;

    private static readonly string[] NameWords = ["bolt", "bearing", "Brass", "valve", "Steel", "gasket", "M8", "Copper"];
    private static readonly string[] OtherSorts = ["onhand", "value"];

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(run.Company.Seed + 11);
        var timings = new Timings();
        var byFilter = new Dictionary<string, Timings>(StringComparer.Ordinal);
        long rowsSeen = 0;
        var searched = new HashSet<string>(StringComparer.Ordinal);
        // ERP_BENCH_SHOW_SQL=1 prints each measured request's commands with their time, to see where a request's time goes.
        var commands = new List<string>();
        using var listener = Environment.GetEnvironmentVariable("ERP_BENCH_SHOW_SQL") == "1" ? new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? "";
                lock (commands) commands.Add($"  {activity.Duration.TotalMilliseconds,7:F1} ms  {text.ReplaceLineEndings(" ")[..Math.Min(110, text.ReplaceLineEndings(" ").Length)]}");
            },
        } : null;
        if (listener is not null) ActivitySource.AddActivityListener(listener);
        for (var i = 0; i < warmups + measured; i++)
        {
            var (query, kind) = NextQuery(random);
            // A search's products are remembered until the catalog changes (it does not here): the first request of a
            // search text finds them, the next ones of the same text (other pages, sorts, warehouses) reuse them.
            if (query.Search is { } text) kind += searched.Add(text) ? ", first time" : ", again";
            await using var scope = run.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(run.Company.TenantId);
            using var user = sp.GetRequiredService<ICurrentUser>().Change(run.Company.AdminUserId, "admin");
            var inquiry = sp.GetRequiredService<IStockInquiryAppService>();
            var clock = Stopwatch.StartNew();
            var page = await inquiry.GetOnHandAsync(query, cancellationToken);
            clock.Stop();
            if (listener is not null)
            {
                lock (commands)
                {
                    Console.WriteLine($"{kind} \"{query.Search}\" warehouse {query.WarehouseId is not null} zero {query.IncludeZero} sort {query.Sort} page {query.Page}: {clock.Elapsed.TotalMilliseconds:F1} ms");
                    commands.ForEach(Console.WriteLine);
                    commands.Clear();
                }
            }
            if (i < warmups) continue;
            timings.Add(clock.Elapsed);
            (byFilter.TryGetValue(kind, out var kindTimings) ? kindTimings : byFilter[kind] = new Timings()).Add(clock.Elapsed);
            rowsSeen += page.Page.Items.Count;
        }
        run.Log.WriteLine($"Stock-on-hand page: {timings.Summary()}");
        foreach (var (kind, kindTimings) in byFilter.OrderBy(k => k.Key, StringComparer.Ordinal)) run.Log.WriteLine($"  {kind}: {kindTimings.Summary()}");
        var p95 = timings.Percentile(95);
        var result = new ScenarioResult("Stock-on-hand page (IStockInquiryAppService.GetOnHandAsync)", $"p95 {p95:F1} ms (p50 {timings.Median:F1}, max {timings.Max:F1})",
            $"< {TargetMilliseconds} ms", p95 < TargetMilliseconds);
        result.Details.Add($"The page's own query service, a scope per request; {measured} requests after {warmups} warm-up, filters from a seeded mix: {timings.Summary()}; {rowsSeen / Math.Max(1, measured)} rows per page on average. By search:");
        result.Details.Add(string.Join("; ", byFilter.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value.Summary()}")) + ".");
        return result;
    }

    private (StockOnHandQuery Query, string Kind) NextQuery(Random random)
    {
        var company = run.Company;
        var query = new StockOnHandQuery { PageSize = PageSize, Page = random.Next(1, 11) };
        if (random.NextDouble() < 0.5) query.WarehouseId = company.Warehouses[random.Next(company.Warehouses.Count)];
        var kind = "no search";
        switch (random.NextDouble())
        {
            case < 0.25:
                query.Search = $"SKU-0{random.Next(0, 5)}{random.Next(0, 10)}";
                kind = "code search";
                break;
            case < 0.5:
                query.Search = NameWords[random.Next(NameWords.Length)];
                kind = "name search";
                break;
        }
        query.IncludeZero = random.NextDouble() < 0.3;
        if (random.NextDouble() < 0.2)
        {
            query.Sort = OtherSorts[random.Next(OtherSorts.Length)];
            query.Desc = true;
        }
        return (query, kind);
    }
}
