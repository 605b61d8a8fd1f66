using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Inventory.Alerts;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Inventory.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Reports;

internal sealed class InventoryReportQueries(ErpDbContext db) : IInventoryReportQueries
{
    public async Task<InventoryReport<SlowMovingRowDto>> GetSlowMovingAsync(SlowMovingQuery query, StockAlertWindow window, CancellationToken cancellationToken = default)
    {
        var order = Order(query.Sort, query.Desc, "s.days_idle DESC", new()
        {
            ["code"] = "p.code", ["warehouse"] = "w.code", ["days"] = "s.days_idle", ["quantity"] = "s.on_hand", ["value"] = "value",
        });
        var sql = $"""
            WITH {StockAlertSql.Slow},
            balance_values AS (
                SELECT product_id, warehouse_id, sum(value) AS value FROM stock_balances WHERE tenant_id = @tenant GROUP BY product_id, warehouse_id)
            SELECT s.product_id AS "ProductId", p.code AS "ProductCode", p.name AS "ProductName", p.base_unit AS "BaseUnit",
                   s.warehouse_id AS "WarehouseId", w.code AS "WarehouseCode", s.last_at AS "LastMovementAt", s.last_issue_at AS "LastIssueAt",
                   s.days_idle AS "DaysIdle", s.on_hand AS "Quantity", coalesce(bv.value, 0) AS "Value",
                   count(*) OVER ()::integer AS "TotalCount", sum(s.on_hand) OVER () AS "TotalQuantity", sum(coalesce(bv.value, 0)) OVER () AS "TotalValue"
            FROM slow s
            JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id
            LEFT JOIN balance_values bv ON bv.product_id = s.product_id AND bv.warehouse_id = s.warehouse_id
            WHERE {StockAlertSql.SearchFilter} AND {StockAlertSql.WarehouseFilter("s.warehouse_id")}
            ORDER BY {order}, p.code, w.code
            LIMIT @take OFFSET @skip
            """;
        var rows = await db.Database.SqlQueryRaw<SlowMovingRow>(sql,
                [.. StockAlertSql.WindowParameters(TenantId, window), .. StockAlertSql.FilterParameters(query.Search, query.WarehouseId),
                 .. StockAlertSql.PageParameters(query.Page, query.PageSize)])
            .ToListAsync(cancellationToken);
        return Report(query, rows, r => new SlowMovingRowDto(
            r.ProductId, r.ProductCode, r.ProductName, r.BaseUnit, r.WarehouseId, r.WarehouseCode, r.LastMovementAt, r.LastIssueAt, r.DaysIdle, r.Quantity, r.Value),
            window.Today, window.SlowMovingDays);
    }

    public async Task<InventoryReport<ExpiringBatchRowDto>> GetExpiringBatchesAsync(ExpiringBatchQuery query, StockAlertWindow window, CancellationToken cancellationToken = default)
    {
        var order = Order(query.Sort, query.Desc, "e.expiry_date", new()
        {
            ["code"] = "p.code", ["warehouse"] = "w.code", ["batch"] = "e.batch_number", ["expiry"] = "e.expiry_date", ["quantity"] = "e.on_hand", ["value"] = "e.value",
        });
        var sql = $"""
            WITH {StockAlertSql.Expiring}
            SELECT e.product_id AS "ProductId", p.code AS "ProductCode", p.name AS "ProductName", p.base_unit AS "BaseUnit",
                   e.warehouse_id AS "WarehouseId", w.code AS "WarehouseCode", e.batch_number AS "BatchNumber", e.expiry_date AS "ExpiryDate",
                   e.days_left AS "DaysLeft", e.on_hand AS "Quantity", e.value AS "Value",
                   count(*) OVER ()::integer AS "TotalCount", sum(e.on_hand) OVER () AS "TotalQuantity", sum(e.value) OVER () AS "TotalValue"
            FROM expiring e JOIN products p ON p.id = e.product_id JOIN warehouses w ON w.id = e.warehouse_id
            WHERE {StockAlertSql.SearchFilter} AND {StockAlertSql.WarehouseFilter("e.warehouse_id")}
            ORDER BY {order}, p.code, w.code, e.batch_number
            LIMIT @take OFFSET @skip
            """;
        var rows = await db.Database.SqlQueryRaw<ExpiringBatchRow>(sql,
                [.. StockAlertSql.WindowParameters(TenantId, window), .. StockAlertSql.FilterParameters(query.Search, query.WarehouseId),
                 .. StockAlertSql.PageParameters(query.Page, query.PageSize)])
            .ToListAsync(cancellationToken);
        return Report(query, rows, r => new ExpiringBatchRowDto(
            r.ProductId, r.ProductCode, r.ProductName, r.BaseUnit, r.WarehouseId, r.WarehouseCode, r.BatchNumber, r.ExpiryDate, r.DaysLeft, r.Quantity, r.Value),
            window.Today, window.ExpiryWarningDays);
    }

    private static InventoryReport<TDto> Report<TRow, TDto>(PageRequest query, List<TRow> rows, Func<TRow, TDto> map, DateOnly asOf, int? days) where TRow : ReportRow
    {
        var first = rows.FirstOrDefault();
        return new InventoryReport<TDto>(
            new PagedResult<TDto>(rows.Select(map).ToList(), first?.TotalCount ?? 0, query.Page, query.PageSize),
            first?.TotalQuantity ?? 0m, first?.TotalValue ?? 0m, asOf, days);
    }

    /// <summary>A known sort key's column (never user text in the SQL); unknown keys keep the report's default order.</summary>
    private static string Order(string? sort, bool descending, string fallback, Dictionary<string, string> columns) =>
        sort is not null && columns.TryGetValue(sort, out var column) ? column + (descending ? " DESC" : " ASC") : fallback;

    private Guid TenantId => db.CurrentTenantId ?? throw new InvalidOperationException("Inventory reports belong to a company; the host has none.");

    private abstract class ReportRow
    {
        public int TotalCount { get; init; }
        public decimal TotalQuantity { get; init; }
        public decimal TotalValue { get; init; }
    }

    private sealed class SlowMovingRow : ReportRow
    {
        public Guid ProductId { get; init; }
        public string ProductCode { get; init; } = null!;
        public string ProductName { get; init; } = null!;
        public string BaseUnit { get; init; } = null!;
        public Guid WarehouseId { get; init; }
        public string WarehouseCode { get; init; } = null!;
        public DateTimeOffset LastMovementAt { get; init; }
        public DateTimeOffset? LastIssueAt { get; init; }
        public int DaysIdle { get; init; }
        public decimal Quantity { get; init; }
        public decimal Value { get; init; }
    }

    private sealed class ExpiringBatchRow : ReportRow
    {
        public Guid ProductId { get; init; }
        public string ProductCode { get; init; } = null!;
        public string ProductName { get; init; } = null!;
        public string BaseUnit { get; init; } = null!;
        public Guid WarehouseId { get; init; }
        public string WarehouseCode { get; init; } = null!;
        public string BatchNumber { get; init; } = null!;
        public DateOnly ExpiryDate { get; init; }
        public int DaysLeft { get; init; }
        public decimal Quantity { get; init; }
        public decimal Value { get; init; }
    }
}
