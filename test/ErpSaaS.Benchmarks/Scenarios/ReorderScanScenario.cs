using System.Diagnostics;
using ErpSaaS.Benchmarks.Measurement;
using ErpSaaS.Identity;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.Benchmarks.Scenarios;

/// <summary>
/// The nightly reorder scan (补货建议) over the whole catalog: every active stocked product whose projected stock
/// (available + on order + planned, over all warehouses) is at or below its reorder point, or below safety stock, or
/// over its maximum, with the suggested quantity = maximum − projected (reorder point + reorder quantity when no
/// maximum is set), rounded up to the product's largest pack (the box). Measured through the application's own
/// <see cref="IReplenishmentSuggestions.ExportAsync"/> (the export the replenishment page offers, up to its row cap), in
/// a scope per run as the web host does; the set-based SQL below, read to the end as the app role under row-level
/// security, is the raw baseline.
/// </summary>
public sealed class ReorderScanScenario(BenchRun run, int warmups, int measured)
{
    public const double TargetMilliseconds = 5_000;

    private const string Sql = """
        WITH projected AS (
            SELECT product_id, sum(on_hand) AS on_hand, sum(available + on_order + planned) AS projected
            FROM stock_warehouse_balances WHERE tenant_id = @tenant GROUP BY product_id
        ),
        packs AS (
            SELECT product_id, max(factor) AS pack FROM product_unit_conversions WHERE tenant_id = @tenant GROUP BY product_id
        ),
        scanned AS (
            SELECT p.id, p.code, p.name, p.default_warehouse_id, p.safety_stock, p.reorder_point, p.reorder_quantity, p.maximum_stock, p.lead_time_days,
                   coalesce(s.on_hand, 0) AS on_hand, coalesce(s.projected, 0) AS projected, coalesce(k.pack, 1) AS pack
            FROM products p
            LEFT JOIN projected s ON s.product_id = p.id
            LEFT JOIN packs k ON k.product_id = p.id
            WHERE p.tenant_id = @tenant AND p.is_active AND p.type <> 'Service'
        )
        SELECT id, code, name, default_warehouse_id, on_hand, projected,
               projected < safety_stock AS below_safety_stock,
               projected <= reorder_point AS below_reorder_point,
               maximum_stock IS NOT NULL AND on_hand > maximum_stock AS over_maximum,
               CASE WHEN projected <= reorder_point
                    THEN ceil(greatest(coalesce(maximum_stock, reorder_point + reorder_quantity) - projected, 0) / pack) * pack END AS suggested_quantity
        FROM scanned
        WHERE projected <= reorder_point OR projected < safety_stock OR (maximum_stock IS NOT NULL AND on_hand > maximum_stock)
        ORDER BY code
        """;

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await run.OpenCompanyConnectionAsync(cancellationToken);
        long products;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM products WHERE tenant_id = @tenant", connection))
        {
            count.Parameters.AddWithValue("tenant", run.Company.TenantId);
            products = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var timings = new Timings();
        long flagged = 0;
        for (var i = 0; i < warmups + measured; i++)
        {
            await using var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("tenant", run.Company.TenantId);
            var clock = Stopwatch.StartNew();
            long rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) rows++;
            }
            clock.Stop();
            if (i < warmups) continue;
            timings.Add(clock.Elapsed);
            flagged = rows;
        }
        run.Log.WriteLine($"Reorder scan over {products:N0} products, raw SQL: {timings.Summary()}, {flagged:N0} flagged");
        var (app, suggested) = await ExportAsync(cancellationToken);
        run.Log.WriteLine($"Reorder scan over {products:N0} products, IReplenishmentSuggestions.ExportAsync: {app.Summary()}, {suggested:N0} suggestions");
        var p95 = app.Percentile(95);
        var raw = timings.Percentile(95);
        var result = new ScenarioResult($"Reorder scan over {products:N0} products (IReplenishmentSuggestions.ExportAsync)", $"p95 {p95 / 1000:F2} s (p50 {app.Median / 1000:F2} s)",
            $"< {TargetMilliseconds / 1000:F0} s", p95 < TargetMilliseconds, $"p95 {raw / 1000:F2} s", $"{p95 / Math.Max(raw, 0.001):F2}");
        result.Details.Add($"The replenishment export of the application (capped at {ErpSaaS.Common.PageRequest.MaxExportRows:N0} rows), a scope per run: {suggested:N0} suggestions; {measured} runs after {warmups} warm-up; {app.Summary()}. Raw baseline, the equivalent set-based SQL read to the end: {flagged:N0} products flagged; {timings.Summary()}.");
        return result;
    }

    private async Task<(Timings Timings, int Suggested)> ExportAsync(CancellationToken cancellationToken)
    {
        var timings = new Timings();
        var suggested = 0;
        for (var i = 0; i < warmups + measured; i++)
        {
            await using var scope = run.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(run.Company.TenantId);
            using var user = sp.GetRequiredService<ICurrentUser>().Change(run.Company.AdminUserId, "admin");
            var suggestions = sp.GetRequiredService<IReplenishmentSuggestions>();
            var clock = Stopwatch.StartNew();
            var rows = await suggestions.ExportAsync(new ReplenishmentQuery(), cancellationToken);
            clock.Stop();
            if (i < warmups) continue;
            timings.Add(clock.Elapsed);
            suggested = rows.Count;
        }
        return (timings, suggested);
    }
}
