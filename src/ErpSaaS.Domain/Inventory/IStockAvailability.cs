namespace ErpSaaS.Inventory;

/// <summary>A product's stock figures in one warehouse, or over all warehouses when <see cref="WarehouseId"/> is null.</summary>
public sealed record StockLevel(Guid ProductId, Guid? WarehouseId, decimal OnHand, decimal Reserved, decimal OnOrder, decimal Planned)
{
    /// <summary>What can be shipped now without touching stock promised to anyone: on hand − reserved.</summary>
    public decimal Available => OnHand - Reserved;

    public static StockLevel None(Guid productId, Guid? warehouseId) => new(productId, warehouseId, 0m, 0m, 0m, 0m);
}

/// <summary>
/// Everything availability by date needs for one product (in one warehouse, or all when <see cref="WarehouseId"/> is
/// null), read at once: the levels now, and the reservations and supplies on order by the day they fall due.
/// </summary>
public sealed record StockOutlook(
    StockLevel Level, DateOnly Today, IReadOnlyList<(DateOnly? Day, decimal Quantity)> Reservations, IReadOnlyList<(DateOnly Day, decimal Quantity)> Supplies)
{
    /// <summary>
    /// Every reservation and every supply on order is an event on its day (undated or overdue ones today); the running
    /// sum of the events is how far above on hand the stock will be on each day. What can be promised for a date is
    /// on hand + the least running sum from that date on: promising more would leave some later promise short.
    /// </summary>
    public decimal AvailableBy(DateOnly date)
    {
        var events = Reservations.Select(d => (Day: Later(d.Day ?? Today, Today), Change: -d.Quantity))
            .Concat(Supplies.Select(s => (Day: Later(s.Day, Today), Change: s.Quantity)))
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
        return Level.OnHand + Math.Min(atDate, lowestAfter);
    }

    /// <summary>
    /// The first day <paramref name="needed"/> is there for a line that holds <paramref name="ownReservation"/> already:
    /// <paramref name="from"/> when it is available now, else the first day open supply on order brings enough (overdue
    /// supply counts from <paramref name="from"/>); null when no supply covers it.
    /// </summary>
    public DateOnly? CoveredOn(decimal needed, decimal availableNow, decimal ownReservation, DateOnly from)
    {
        if (needed - availableNow <= 0m) return from;
        foreach (var day in Supplies.Where(s => s.Quantity > 0m).Select(s => Later(s.Day, from)).Distinct().Order())
        {
            if (AvailableBy(day) + ownReservation >= needed) return day;
        }
        return null;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// Available-to-promise for other modules (sales' ATP check, purchasing's and MRP's netting), read from the balances
/// of the current company.
/// </summary>
public interface IStockAvailability
{
    /// <summary>On hand, reserved, available now, on order and planned; <paramref name="warehouseId"/> null = every warehouse.</summary>
    Task<IReadOnlyDictionary<Guid, StockLevel>> GetLevelsAsync(IReadOnlyCollection<Guid> productIds, Guid? warehouseId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// What can be promised for delivery on <paramref name="date"/> without breaking any promise already made:
    /// the least, over every day from <paramref name="date"/> on, of on hand + supply on order due by that day −
    /// reservations required by that day (undated reservations count from today). Planned production is not counted
    /// (not yet a commitment). May be negative when promises already exceed what will be there.
    /// </summary>
    Task<decimal> GetAvailableByAsync(Guid productId, Guid? warehouseId, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The product's levels and its dated reservations and supplies on order, in one query: for several dates at once.</summary>
    Task<StockOutlook> GetOutlookAsync(Guid productId, Guid? warehouseId, CancellationToken cancellationToken = default);
}
