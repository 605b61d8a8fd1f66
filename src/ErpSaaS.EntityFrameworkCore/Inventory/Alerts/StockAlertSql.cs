using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Inventory.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Alerts;

/// <summary>
/// The alert rules as SQL, shared by the alerts panel, the digest, the suggestions and the reports. Every statement
/// works on the whole company at once (grouped scans of balances and the ledger joined with products) and names the
/// tenant itself, so its indexes lead with it; row-level security would hide other companies anyway.
/// </summary>
internal static class StockAlertSql
{
    /// <summary>Per product over all warehouses: on hand, reserved, on order, planned.</summary>
    public const string Totals = """
        totals AS (
            SELECT product_id, sum(on_hand) AS on_hand, sum(reserved) AS reserved, sum(on_order) AS on_order, sum(planned) AS planned
            FROM stock_warehouse_balances WHERE tenant_id = @tenant GROUP BY product_id)
        """;

    /// <summary>
    /// Active stocked products that have a threshold, with on hand and projected stock (on hand − reserved + on order
    /// + planned) over all warehouses; a product with no stock at all counts as zero.
    /// </summary>
    public const string Levels = """
        levels AS (
            SELECT p.id AS product_id, p.safety_stock, p.reorder_point, p.maximum_stock,
                   coalesce(t.on_hand, 0) AS on_hand,
                   coalesce(t.on_hand, 0) - coalesce(t.reserved, 0) + coalesce(t.on_order, 0) + coalesce(t.planned, 0) AS projected
            FROM products p LEFT JOIN totals t ON t.product_id = p.id
            WHERE p.tenant_id = @tenant AND p.is_active AND p.type <> 'Service'
              AND (p.safety_stock > 0 OR p.reorder_point > 0 OR p.maximum_stock IS NOT NULL))
        """;

    /// <summary>
    /// Stock lying in a warehouse with nothing going out since before @idle_since: the last outgoing entry, or the
    /// first entry when nothing ever went out (stock received long ago and never touched).
    /// </summary>
    public const string Slow = """
        movements AS (
            SELECT product_id, warehouse_id, max(posted_at) FILTER (WHERE quantity < 0) AS last_issue_at,
                   min(posted_at) AS first_at, max(posted_at) AS last_at
            FROM stock_ledger_entries WHERE tenant_id = @tenant GROUP BY product_id, warehouse_id),
        slow AS (
            SELECT b.product_id, b.warehouse_id, b.on_hand, m.last_issue_at, m.last_at,
                   @today - (coalesce(m.last_issue_at, m.first_at) AT TIME ZONE @tz)::date AS days_idle
            FROM stock_warehouse_balances b
            JOIN movements m ON m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id
            WHERE b.tenant_id = @tenant AND b.on_hand > 0 AND coalesce(m.last_issue_at, m.first_at) < @idle_since)
        """;

    /// <summary>Batches in stock (over all bins of a warehouse) expiring on or before @expires_by, expired ones included.</summary>
    public const string Expiring = """
        expiring AS (
            SELECT product_id, warehouse_id, batch_number, expiry_date, sum(on_hand) AS on_hand, sum(value) AS value,
                   expiry_date - @today AS days_left
            FROM stock_balances
            WHERE tenant_id = @tenant AND expiry_date IS NOT NULL AND on_hand > 0 AND expiry_date <= @expires_by
            GROUP BY product_id, warehouse_id, batch_number, expiry_date)
        """;

    /// <summary>Every alert as one row; the kind numbers are <see cref="StockAlertKind"/>'s values.</summary>
    public const string Alerts = $"""
        WITH {Totals}, {Levels}, {Slow}, {Expiring},
        alerts AS (
            SELECT 0 AS kind, product_id, NULL::uuid AS warehouse_id, NULL::varchar AS batch_number, NULL::date AS expiry_date,
                   on_hand AS quantity, safety_stock AS threshold, NULL::timestamptz AS last_issue_at, NULL::integer AS days
              FROM levels WHERE safety_stock > 0 AND on_hand < safety_stock
            UNION ALL
            SELECT 1, product_id, NULL, NULL, NULL, projected, reorder_point, NULL, NULL
              FROM levels WHERE reorder_point > 0 AND projected <= reorder_point
            UNION ALL
            SELECT 2, product_id, NULL, NULL, NULL, on_hand, maximum_stock, NULL, NULL
              FROM levels WHERE maximum_stock IS NOT NULL AND on_hand > maximum_stock
            UNION ALL
            SELECT 3, product_id, warehouse_id, NULL, NULL, on_hand, NULL, last_issue_at, days_idle FROM slow
            UNION ALL
            SELECT 4, product_id, warehouse_id, batch_number, expiry_date, on_hand, NULL, NULL, days_left FROM expiring)
        """;

    public static NpgsqlParameter[] WindowParameters(Guid tenantId, StockAlertWindow window) =>
    [
        new NpgsqlParameter<Guid>("tenant", tenantId),
        new NpgsqlParameter<DateOnly>("today", window.Today),
        new NpgsqlParameter<DateTimeOffset>("idle_since", window.IdleSince),
        new NpgsqlParameter<DateOnly>("expires_by", window.ExpiresBy),
        new NpgsqlParameter<string>("tz", window.TimeZone.Id),
    ];

    /// <summary>The usual list filters: "@search" (code or name contains) and "@warehouse", null = any.</summary>
    public static NpgsqlParameter[] FilterParameters(string? search, Guid? warehouseId) =>
    [
        new("search", NpgsqlDbType.Text) { Value = string.IsNullOrWhiteSpace(search) ? DBNull.Value : Paging.Contains(search) },
        new("warehouse", NpgsqlDbType.Uuid) { Value = warehouseId is { } id ? id : DBNull.Value },
    ];

    public static NpgsqlParameter[] PageParameters(int page, int pageSize) =>
    [
        new NpgsqlParameter<int>("take", pageSize),
        new NpgsqlParameter<int>("skip", (page - 1) * pageSize),
    ];

    public const string SearchFilter = "(@search::text IS NULL OR p.code ILIKE @search OR p.name ILIKE @search)";
    public static string WarehouseFilter(string column) => $"(@warehouse::uuid IS NULL OR {column} = @warehouse)";
}
