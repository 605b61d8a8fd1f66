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

    public async Task<decimal> GetAvailableByAsync(Guid productId, Guid? warehouseId, DateOnly date, CancellationToken cancellationToken = default) =>
        (await GetOutlookAsync(productId, warehouseId, cancellationToken)).AvailableBy(date);

    public async Task<StockOutlook> GetOutlookAsync(Guid productId, Guid? warehouseId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The levels, the reservations by day and the supplies on order by day as one union: one round trip.
        var levels = db.StockWarehouseBalances.AsNoTracking()
            .Where(w => w.ProductId == productId && (warehouseId == null || w.WarehouseId == warehouseId))
            .GroupBy(w => w.ProductId)
            .Select(g => new OutlookRow { Kind = LevelsRow, Day = null, Quantity = g.Sum(w => w.OnHand), Reserved = g.Sum(w => w.Reserved), OnOrder = g.Sum(w => w.OnOrder), Planned = g.Sum(w => w.Planned) });
        var demand = db.StockReservations.AsNoTracking()
            .Where(r => r.ProductId == productId && (warehouseId == null || r.WarehouseId == warehouseId))
            .GroupBy(r => r.RequiredOn)
            .Select(g => new OutlookRow { Kind = ReservationRow, Day = g.Key, Quantity = g.Sum(r => r.Quantity), Reserved = 0m, OnOrder = 0m, Planned = 0m });
        var supply = db.StockSupplies.AsNoTracking()
            .Where(s => s.ProductId == productId && (warehouseId == null || s.WarehouseId == warehouseId) && s.Kind == StockSupplyKind.OnOrder)
            .GroupBy(s => s.DueOn)
            .Select(g => new OutlookRow { Kind = SupplyRow, Day = g.Key, Quantity = g.Sum(s => s.Quantity), Reserved = 0m, OnOrder = 0m, Planned = 0m });
        var rows = await levels.Concat(demand).Concat(supply).ToListAsync(cancellationToken);
        var level = rows.FirstOrDefault(r => r.Kind == LevelsRow) is { } l
            ? new StockLevel(productId, warehouseId, l.Quantity, l.Reserved, l.OnOrder, l.Planned)
            : StockLevel.None(productId, warehouseId);
        return new StockOutlook(level, today,
            [.. rows.Where(r => r.Kind == ReservationRow).Select(r => (r.Day, r.Quantity))],
            [.. rows.Where(r => r.Kind == SupplyRow).Select(r => (r.Day!.Value, r.Quantity))]);
    }

    private const int LevelsRow = 0;
    private const int ReservationRow = 1;
    private const int SupplyRow = 2;

    private sealed class OutlookRow
    {
        public int Kind { get; init; }
        public DateOnly? Day { get; init; }
        public decimal Quantity { get; init; }
        public decimal Reserved { get; init; }
        public decimal OnOrder { get; init; }
        public decimal Planned { get; init; }
    }
}
