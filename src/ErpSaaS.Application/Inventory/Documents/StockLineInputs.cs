using ErpSaaS.Catalog;

namespace ErpSaaS.Inventory.Documents;

/// <summary>Openings and adjustments read their lines alike: the product, warehouse, bin and quantity each line names, checked in order.</summary>
internal static class StockLineInputs
{
    /// <summary>The lines' details; a wrong one is refused on its own field ("Lines[2].Location").</summary>
    public static async Task<List<TDetails>> ResolveAsync<TDetails>(StockDocumentManager manager, IReadOnlyList<IStockLineInput> lines,
        Func<IStockLineInput, Product, Guid, Guid?, decimal, TDetails> details, CancellationToken cancellationToken)
    {
        StockLineRules.CheckLineCount(lines.Count);
        var resolved = new List<TDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var product = await manager.ProductAsync(line.Product, StockLineRules.Field(index, nameof(line.Product)), cancellationToken);
            var warehouseId = await manager.WarehouseAsync(line.WarehouseId, StockLineRules.Field(index, nameof(line.WarehouseId)), cancellationToken);
            var locationId = await manager.LocationAsync(warehouseId, line.Location, StockLineRules.Field(index, nameof(line.Location)), cancellationToken);
            var quantity = StockDocumentManager.Required(line.Quantity, StockLineRules.Field(index, nameof(line.Quantity)));
            resolved.Add(details(line, product, warehouseId, locationId, quantity));
        }
        return resolved;
    }
}
