using ErpSaaS.Inventory;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>The statements every stock write starts with (see <see cref="StockLedger"/> for why in this order).</summary>
internal static class StockLocks
{
    /// <summary>The products' rows, locked in id order: the one lock that serializes all stock writes of a product.</summary>
    public const string LockProductsSql = """
        SELECT id FROM products WHERE tenant_id = @tenant AND id = ANY(@products) ORDER BY id FOR NO KEY UPDATE
        """;

    /// <summary>Creates the missing (product, warehouse) totals rows, in key order.</summary>
    public static void AddLevels(StockBatch batch, Guid tenantId, IReadOnlyList<(Guid ProductId, Guid WarehouseId)> keys, DateTimeOffset now) =>
        batch.Add("""
            INSERT INTO stock_warehouse_balances (id, tenant_id, product_id, warehouse_id, on_hand, reserved, on_order, planned, updated_at)
            SELECT k.id, @tenant, k.product_id, k.warehouse_id, 0, 0, 0, 0, @now
            FROM unnest(@ids, @products, @warehouses) AS k(id, product_id, warehouse_id)
            ORDER BY k.product_id, k.warehouse_id
            ON CONFLICT (tenant_id, product_id, warehouse_id) DO NOTHING
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Uuids("ids", keys.Select(_ => Guid.CreateVersion7())),
            StockSql.Uuids("products", keys.Select(k => k.ProductId)), StockSql.Uuids("warehouses", keys.Select(k => k.WarehouseId)));

    /// <summary>Creates the missing balance rows (a batch keeps the first expiry date it was received with), in key order.</summary>
    public static void AddBalances(
        StockBatch batch, Guid tenantId, IReadOnlyList<(Guid ProductId, Guid WarehouseId, Guid LocationId, string BatchNumber, DateOnly? ExpiryDate)> keys, DateTimeOffset now) =>
        batch.Add("""
            INSERT INTO stock_balances (id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, on_hand, reserved, value, updated_at)
            SELECT k.id, @tenant, k.product_id, k.warehouse_id, k.location_id, k.batch_number, k.expiry_date, 0, 0, 0, @now
            FROM unnest(@ids, @products, @warehouses, @locations, @batches, @expiries) AS k(id, product_id, warehouse_id, location_id, batch_number, expiry_date)
            ORDER BY k.product_id, k.warehouse_id, k.location_id, k.batch_number
            ON CONFLICT (tenant_id, product_id, warehouse_id, location_id, batch_number) DO NOTHING
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("now", now), StockSql.Uuids("ids", keys.Select(_ => Guid.CreateVersion7())),
            StockSql.Uuids("products", keys.Select(k => k.ProductId)), StockSql.Uuids("warehouses", keys.Select(k => k.WarehouseId)),
            StockSql.Uuids("locations", keys.Select(k => k.LocationId)), StockSql.Texts("batches", keys.Select(k => k.BatchNumber)),
            StockSql.Array("expiries", keys.Select(k => k.ExpiryDate), NpgsqlTypes.NpgsqlDbType.Date));
}
