using ErpSaaS.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

/// <summary>Availability read from the warehouse totals, reservations and expected supplies of the current company.</summary>
internal sealed class StockAvailability(ErpDbContext db, TimeProvider clock) : IStockAvailability
{
    public async Task<IReadOnlyDictionary<Guid, StockLevel>> GetLevelsAsync(
        IReadOnlyCollection<Guid> productIds, Guid? warehouseId = null, CancellationToken cancellationToken = default)
    {
        var totals = await db.StockWarehouseBalances.AsNoTracking()
            .Where(w => productIds.Contains(w.ProductId) && (warehouseId == null || w.WarehouseId == warehouseId))
            .GroupBy(w => w.ProductId)
            .Select(g => new StockLevel(g.Key, warehouseId, g.Sum(w => w.OnHand), g.Sum(w => w.Reserved), g.Sum(w => w.OnOrder), g.Sum(w => w.Planned)))
            .ToListAsync(cancellationToken);
        var levels = totals.ToDictionary(l => l.ProductId);
        foreach (var productId in productIds.Where(id => !levels.ContainsKey(id))) levels[productId] = StockLevel.None(productId, warehouseId);
        return levels;
    }

    /// <summary>
    /// Every reservation and every supply on order is an event on its day (undated or overdue ones today); the running
    /// sum of the events is how far above on hand the stock will be on each day. What can be promised for a date is
    /// on hand + the least running sum from that date on: promising more would leave some later promise short.
    /// </summary>
    public async Task<decimal> GetAvailableByAsync(Guid productId, Guid? warehouseId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var onHand = await db.StockWarehouseBalances.AsNoTracking()
            .Where(w => w.ProductId == productId && (warehouseId == null || w.WarehouseId == warehouseId)).SumAsync(w => w.OnHand, cancellationToken);
        var demand = await db.StockReservations.AsNoTracking()
            .Where(r => r.ProductId == productId && (warehouseId == null || r.WarehouseId == warehouseId))
            .GroupBy(r => r.RequiredOn).Select(g => new { Day = g.Key, Quantity = g.Sum(r => r.Quantity) }).ToListAsync(cancellationToken);
        var supply = await db.StockSupplies.AsNoTracking()
            .Where(s => s.ProductId == productId && (warehouseId == null || s.WarehouseId == warehouseId) && s.Kind == StockSupplyKind.OnOrder)
            .GroupBy(s => s.DueOn).Select(g => new { Day = g.Key, Quantity = g.Sum(s => s.Quantity) }).ToListAsync(cancellationToken);
        var events = demand.Select(d => (Day: Max(d.Day ?? today, today), Change: -d.Quantity))
            .Concat(supply.Select(s => (Day: Max(s.Day, today), Change: s.Quantity)))
            .GroupBy(e => e.Day).Select(g => (Day: g.Key, Change: g.Sum(e => e.Change))).OrderBy(e => e.Day);
        var running = 0m;
        var atDate = 0m;
        var lowestAfter = decimal.MaxValue;
        foreach (var (day, change) in events)
        {
            running += change;
            if (day <= date) atDate = running;
            else lowestAfter = Math.Min(lowestAfter, running);
        }
        return onHand + Math.Min(atDate, lowestAfter);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
