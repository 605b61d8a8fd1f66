using System.Diagnostics;
using System.Text;
using ErpSaaS.Benchmarks.Dataset;
using ErpSaaS.Benchmarks.Measurement;
using Npgsql;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The stock inquiry page (库存查询): one page of 50 balances with product and warehouse, sorted by product code, plus
/// the filter's totals (rows, quantity on hand, value) shown above the grid: two statements in one round trip. The
/// branch has no stock inquiry query service yet, so this is the SQL such a service would send (the tenant predicate
/// on every table as the EF filter adds it, only the filters the user set), run as the app role under row-level
/// security. Filters are drawn from a seeded mix: a warehouse (half), a code prefix or a word of the name (half), "in
/// stock only" (70 %), a page among the first ten.
/// </summary>
public sealed class StockOnHandPageScenario(BenchRun run, int warmups, int measured)
{
    public const double TargetMilliseconds = 100;
    private const int PageSize = 50;

    private static readonly string[] NameWords = ["bolt", "bearing", "Brass", "valve", "Steel", "gasket", "M8", "Copper"];

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(run.Company.Seed + 11);
        await using var connection = await run.OpenCompanyConnectionAsync(cancellationToken);
        var timings = new Timings();
        long rowsSeen = 0;
        for (var i = 0; i < warmups + measured; i++)
        {
            await using var batch = PageQuery(connection, random);
            var clock = Stopwatch.StartNew();
            long rows = 0;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) rows++;
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
            }
            clock.Stop();
            if (i < warmups) continue;
            timings.Add(clock.Elapsed);
            rowsSeen += rows;
        }
        run.Log.WriteLine($"Stock-on-hand page: {timings.Summary()}");
        var p95 = timings.Percentile(95);
        var result = new ScenarioResult("Stock-on-hand page query (page of 50 + totals)", $"p95 {p95:F1} ms (p50 {timings.Median:F1}, max {timings.Max:F1})",
            $"< {TargetMilliseconds} ms", p95 < TargetMilliseconds);
        result.Details.Add($"Equivalent SQL (no stock inquiry query service on the branch yet), {measured} measured queries after {warmups} warm-up, one app-role connection, filters from a seeded mix; {timings.Summary()}; {rowsSeen / Math.Max(1, measured):F0} rows per page on average.");
        return result;
    }

    private NpgsqlBatch PageQuery(NpgsqlConnection connection, Random random)
    {
        var company = run.Company;
        var where = new StringBuilder("b.tenant_id = @tenant AND p.tenant_id = @tenant AND w.tenant_id = @tenant");
        var parameters = new List<(string Name, object Value)> { ("tenant", company.TenantId) };
        if (random.NextDouble() < 0.5)
        {
            where.Append(" AND b.warehouse_id = @warehouse");
            parameters.Add(("warehouse", company.Warehouses[random.Next(company.Warehouses.Count)]));
        }
        switch (random.NextDouble())
        {
            case < 0.3:
                where.Append(" AND p.code LIKE @code_prefix");
                parameters.Add(("code_prefix", $"SKU-0{random.Next(0, 5)}{random.Next(0, 10)}%"));
                break;
            case < 0.5:
                where.Append(" AND p.name ILIKE @name_part");
                parameters.Add(("name_part", $"%{NameWords[random.Next(NameWords.Length)]}%"));
                break;
        }
        if (random.NextDouble() < 0.7) where.Append(" AND b.on_hand <> 0");
        var offset = random.Next(0, 10) * PageSize;

        var batch = new NpgsqlBatch(connection);
        var page = new NpgsqlBatchCommand($"""
            SELECT p.code, p.name, p.base_unit, w.code, b.location_id, b.batch_number, b.expiry_date, b.on_hand, b.reserved, b.available, b.value
            FROM stock_balances b
            JOIN products p ON p.id = b.product_id
            JOIN warehouses w ON w.id = b.warehouse_id
            WHERE {where}
            ORDER BY p.code, w.code, b.location_id, b.batch_number
            LIMIT {PageSize} OFFSET {offset}
            """);
        var totals = new NpgsqlBatchCommand($"""
            SELECT count(*), coalesce(sum(b.on_hand), 0), coalesce(sum(b.value), 0)
            FROM stock_balances b
            JOIN products p ON p.id = b.product_id
            JOIN warehouses w ON w.id = b.warehouse_id
            WHERE {where}
            """);
        foreach (var command in new[] { page, totals })
        {
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            batch.BatchCommands.Add(command);
        }
        return batch;
    }
}
