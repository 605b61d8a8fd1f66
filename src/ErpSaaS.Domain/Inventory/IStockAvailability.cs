namespace ErpSaaS.Inventory;

/// <summary>A product's stock figures in one warehouse, or over all warehouses when <see cref="WarehouseId"/> is null.</summary>
public sealed record StockLevel(Guid ProductId, Guid? WarehouseId, decimal OnHand, decimal Reserved, decimal OnOrder, decimal Planned)
{
    /// <summary>What can be shipped now without touching stock promised to anyone: on hand − reserved.</summary>
    public decimal Available => OnHand - Reserved;

    public static StockLevel None(Guid productId, Guid? warehouseId) => new(productId, warehouseId, 0m, 0m, 0m, 0m);
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
}
