using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Settings;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Documents;

/// <summary>
/// The stock documents' reads of the ledger's balances and valuation pools: one query each, no locks (a count freezes
/// what the balances say at that statement; postings lock for themselves).
/// </summary>
internal sealed class StockBook(ErpDbContext db, ISettingStore settings) : IStockBook
{
    public async Task<IReadOnlyList<BookQuantity>> GetBookAsync(Guid warehouseId, IReadOnlyCollection<Guid> locationIds, IReadOnlySet<Guid>? categoryIds,
        CancellationToken cancellationToken = default)
    {
        var valuationKey = (await InventoryOptions.ReadAsync(settings, cancellationToken)).ValuationKeyOf(warehouseId);
        var balances = db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == warehouseId && b.OnHand != 0m);
        if (locationIds.Count > 0) balances = balances.Where(b => locationIds.Contains(b.LocationId));
        var products = db.Products.IgnoreAutoIncludes().AsQueryable();
        if (categoryIds is not null)
        {
            var categories = categoryIds.ToList();
            products = products.Where(p => p.CategoryId != null && categories.Contains(p.CategoryId.Value));
        }
        var rows = await (
            from b in balances
            join p in products on b.ProductId equals p.Id
            from location in db.WarehouseLocations.Where(l => l.Id == b.LocationId).DefaultIfEmpty()
            from pool in db.StockValuations.Where(v => v.ProductId == b.ProductId && v.ValuationKey == valuationKey).DefaultIfEmpty()
            orderby location == null ? null : location.Code, p.Code, b.BatchNumber
            select new
            {
                b.ProductId, b.LocationId, b.BatchNumber, b.ExpiryDate, b.OnHand,
                PoolQuantity = pool == null ? 0m : pool.Quantity, PoolValue = pool == null ? 0m : pool.Value, LastUnitCost = pool == null ? 0m : pool.LastUnitCost,
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BookQuantity(r.ProductId, r.LocationId == StockConsts.NoLocation ? null : r.LocationId,
            r.BatchNumber == StockConsts.NoBatch ? null : r.BatchNumber, r.ExpiryDate, r.OnHand, AverageCost(r.PoolQuantity, r.PoolValue, r.LastUnitCost)))];
    }

    public async Task<IReadOnlyList<AvailableBatch>> GetBatchesAsync(Guid productId, Guid warehouseId, Guid? locationId, CancellationToken cancellationToken = default)
    {
        var balances = db.StockBalances.AsNoTracking()
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId && b.BatchNumber != StockConsts.NoBatch && b.Available > 0m);
        if (locationId is { } bin) balances = balances.Where(b => b.LocationId == bin);
        var rows = await balances.Select(b => new { b.BatchNumber, b.LocationId, b.ExpiryDate, b.Available }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AvailableBatch(r.BatchNumber, r.LocationId == StockConsts.NoLocation ? null : r.LocationId, r.ExpiryDate, r.Available))];
    }

    public async Task<IReadOnlyDictionary<string, DateOnly?>> GetBatchExpiriesAsync(Guid productId, IReadOnlyCollection<string> batchNumbers,
        CancellationToken cancellationToken = default)
    {
        var rows = await db.StockBalances.AsNoTracking().Where(b => b.ProductId == productId && batchNumbers.Contains(b.BatchNumber) && b.ExpiryDate != null)
            .GroupBy(b => b.BatchNumber).Select(g => new { Batch = g.Key, Expiry = g.Min(b => b.ExpiryDate) }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Batch, r => r.Expiry, StringComparer.Ordinal);
    }

    public async Task<decimal?> GetAverageUnitCostAsync(Guid productId, Guid warehouseId, CancellationToken cancellationToken = default)
    {
        var valuationKey = (await InventoryOptions.ReadAsync(settings, cancellationToken)).ValuationKeyOf(warehouseId);
        var pool = await db.StockValuations.AsNoTracking().Where(v => v.ProductId == productId && v.ValuationKey == valuationKey)
            .Select(v => new { v.Quantity, v.Value, v.LastUnitCost }).FirstOrDefaultAsync(cancellationToken);
        return pool is null ? null : AverageCost(pool.Quantity, pool.Value, pool.LastUnitCost);
    }

    /// <summary>What one unit in the pool is worth now; an empty pool falls back to the last cost it knew, as the ledger does.</summary>
    private static decimal AverageCost(decimal quantity, decimal value, decimal lastUnitCost) =>
        quantity > 0m ? decimal.Round(value / quantity, StockConsts.UnitCostScale, MidpointRounding.AwayFromZero) : lastUnitCost;
}
