using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>
/// Expected supplies under the product locks (see <see cref="StockLedger"/>), so the warehouse totals' on-order and
/// planned quantities always equal the open supplies.
/// </summary>
internal sealed class StockSupplies(ErpDbContext db, StockSql sql, TimeProvider clock) : IStockSupplies
{
    public async Task ExpectAsync(StockSupplyRequest request, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        if (request.Quantity < 0m || request.Quantity > StockConsts.MaxQuantity || decimal.Round(request.Quantity, StockConsts.QuantityScale) != request.Quantity)
        {
            throw BusinessException.ForField(nameof(StockSupplyRequest.Quantity), InventoryErrorCodes.ReservationQuantityInvalid, StockConsts.QuantityScale);
        }
        StockPostingRules.CheckSource(new StockPosting(request.SourceType, request.SourceId, request.SourceNumber, default, []));
        if (request.Quantity > 0m)
        {
            if (!await db.Products.IgnoreAutoIncludes().AnyAsync(p => p.Id == request.ProductId && p.IsActive && p.Type != ErpSaaS.Catalog.ProductType.Service, cancellationToken))
            {
                throw BusinessException.ForField(nameof(StockSupplyRequest.ProductId), InventoryErrorCodes.ProductNotStocked, request.SourceLine);
            }
            if (!await db.Warehouses.AnyAsync(w => w.Id == request.WarehouseId && w.IsActive, cancellationToken))
            {
                throw BusinessException.ForField(nameof(StockSupplyRequest.WarehouseId), InventoryErrorCodes.WarehouseUnavailable, request.SourceLine);
            }
        }
        var existing = await FindManyAsync(request.SourceType, request.SourceId, request.SourceLine, cancellationToken);
        if (existing.Count == 0 && request.Quantity == 0m) return;
        var now = clock.GetUtcNow();
        var products = existing.Select(s => s.ProductId).Append(request.ProductId).Distinct().ToList();
        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", products));
        Remove(batch, tenantId, request.SourceType, request.SourceId, request.SourceLine, now);
        if (request.Quantity > 0m)
        {
            StockLocks.AddLevels(batch, tenantId, [(request.ProductId, request.WarehouseId)], now);
            batch.Add("""
                INSERT INTO stock_supplies (id, tenant_id, product_id, warehouse_id, kind, quantity, due_on, source_type, source_id, source_number, source_line, updated_at)
                VALUES (@id, @tenant, @product, @warehouse, @kind, @quantity, @due_on, @source_type, @source_id, @source_number, @source_line, @now)
                """,
                StockSql.Value("id", Guid.CreateVersion7()), StockSql.Value("tenant", tenantId), StockSql.Value("product", request.ProductId),
                StockSql.Value("warehouse", request.WarehouseId), StockSql.Value("kind", request.Kind.ToString()), StockSql.Value("quantity", request.Quantity),
                StockSql.Value("due_on", request.DueOn), StockSql.Value("source_type", request.SourceType), StockSql.Value("source_id", request.SourceId),
                StockSql.Value("source_number", request.SourceNumber), StockSql.Value("source_line", request.SourceLine), StockSql.Value("now", now));
            batch.Add($"""
                UPDATE stock_warehouse_balances SET {(request.Kind == StockSupplyKind.OnOrder ? "on_order = on_order" : "planned = planned")} + @quantity, updated_at = @now
                WHERE tenant_id = @tenant AND product_id = @product AND warehouse_id = @warehouse
                """,
                StockSql.Value("tenant", tenantId), StockSql.Value("product", request.ProductId), StockSql.Value("warehouse", request.WarehouseId),
                StockSql.Value("quantity", request.Quantity), StockSql.Value("now", now));
        }
        await batch.ExecuteAsync(cancellationToken);
    }

    public async Task CancelAllAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default)
    {
        var tenantId = await sql.RequireWritableTenantAsync(cancellationToken);
        var existing = await FindManyAsync(sourceType, sourceId, null, cancellationToken);
        if (existing.Count == 0) return;
        await using var batch = await sql.BatchAsync(cancellationToken);
        batch.Add(StockLocks.LockProductsSql, StockSql.Value("tenant", tenantId), StockSql.Uuids("products", existing.Select(s => s.ProductId).Distinct()));
        Remove(batch, tenantId, sourceType, sourceId, null, clock.GetUtcNow());
        await batch.ExecuteAsync(cancellationToken);
    }

    /// <summary>Deletes the source's supplies (as they are once the products are locked) and takes them off the totals.</summary>
    private static void Remove(StockBatch batch, Guid tenantId, string sourceType, Guid sourceId, int? sourceLine, DateTimeOffset now) =>
        batch.Add("""
            WITH removed AS (
                DELETE FROM stock_supplies
                WHERE tenant_id = @tenant AND source_type = @source_type AND source_id = @source_id AND (@source_line::integer IS NULL OR source_line = @source_line)
                RETURNING product_id, warehouse_id, kind, quantity
            )
            UPDATE stock_warehouse_balances w
            SET on_order = w.on_order - r.on_order, planned = w.planned - r.planned, updated_at = @now
            FROM (SELECT product_id, warehouse_id, coalesce(sum(quantity) FILTER (WHERE kind = 'OnOrder'), 0) AS on_order,
                         coalesce(sum(quantity) FILTER (WHERE kind = 'Planned'), 0) AS planned
                  FROM removed GROUP BY 1, 2) r
            WHERE w.tenant_id = @tenant AND w.product_id = r.product_id AND w.warehouse_id = r.warehouse_id
            """,
            StockSql.Value("tenant", tenantId), StockSql.Value("source_type", sourceType), StockSql.Value("source_id", sourceId),
            StockSql.Value("source_line", sourceLine), StockSql.Value("now", now));

    private Task<List<StockSupply>> FindManyAsync(string sourceType, Guid sourceId, int? sourceLine, CancellationToken cancellationToken) =>
        db.StockSupplies.AsNoTracking()
            .Where(s => s.SourceType == sourceType && s.SourceId == sourceId && (sourceLine == null || s.SourceLine == sourceLine))
            .ToListAsync(cancellationToken);
}
