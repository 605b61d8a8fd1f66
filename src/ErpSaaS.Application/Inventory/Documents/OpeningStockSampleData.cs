namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// The demo company's opening stock, entered and posted the way its warehouse would: one opening balance document over
/// the demo catalog (<see cref="Catalog.ProductSampleData"/>). Most products are comfortably stocked; a few sit below
/// their safety stock or reorder point and one batch expires within the month, so the alerts panel and the
/// replenishment list have something to say; batch-tracked products come in batches with their expiry dates.
/// </summary>
public sealed class OpeningStockSampleData(IOpeningBalanceAppService openings, TimeProvider clock)
{
    /// <summary>Creates and posts the opening balance as the current user, inside the caller's transaction if there is one.</summary>
    public async Task<Guid> CreateDemoAsync(Guid mainWarehouseId, Guid secondWarehouseId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        OpeningBalanceLineInput Line(string product, decimal quantity, decimal unitCost, Guid? warehouse = null, string? batch = null, int? expiresInDays = null) => new()
        {
            Product = product, WarehouseId = warehouse ?? mainWarehouseId, Quantity = quantity, UnitCost = unitCost,
            BatchNumber = batch, ExpiryDate = expiresInDays is { } days ? today.AddDays(days) : null,
        };
        var input = new OpeningBalanceInput
        {
            RequestId = Guid.NewGuid(),
            Comment = "期初库存：启用系统时的盘点结果",
            Lines =
            [
                Line("SKU-10086", 85_000m, 0.0035m),
                // Below its reorder point (20,000): on the replenishment list.
                Line("SKU-10087", 15_000m, 0.004m),
                // Below its safety stock (8,000): an alert.
                Line("SKU-10088", 6_000m, 0.006m),
                Line("SKU-10089", 3_000m, 0.12m),
                Line("SKU-10089", 600m, 0.12m, secondWarehouseId),
                Line("SKU-10090", 1_200m, 6.8m),
                Line("SKU-10091", 800m, 0.45m),
                Line("SKU-10092", 2_500m, 0.38m),
                Line("SKU-10092", 500m, 0.38m, secondWarehouseId),
                Line("SKU-10093", 1_500m, 0.18m),
                Line("SKU-10094", 120m, 2.6m),
                // Below its safety stock (200): an alert, and a long lead time.
                Line("SKU-10095", 180m, 13.5m),
                Line("SKU-10096", 150m, 9.2m, batch: "LB2509", expiresInDays: 400),
                Line("SKU-10096", 200m, 9.4m, batch: "LB2606", expiresInDays: 700),
                Line("SKU-10097", 60m, 11.0m),
                Line("SKU-10098", 40m, 7.5m),
                Line("SKU-10099", 35m, 86m),
                Line("SKU-10100", 12m, 168m, batch: "SW2603", expiresInDays: 800),
                // Expires within the month: on the expiring batches report.
                Line("SKU-10101", 30m, 12m, batch: "FX2512", expiresInDays: 25),
                Line("SKU-10102", 6_000m, 0.09m, batch: "TP2605", expiresInDays: 300),
                Line("SKU-10103", 12_000m, 0.08m),
                Line("SKU-10104", 260m, 3.2m),
            ],
        };
        var id = await openings.CreateAsync(input, cancellationToken);
        var version = (await openings.GetAsync(id, cancellationToken)).Header.Version;
        await openings.PostAsync(id, new StockDocumentActionInput { Version = version }, cancellationToken);
        return id;
    }
}
