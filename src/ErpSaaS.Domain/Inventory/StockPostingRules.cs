using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory;

/// <summary>A movement that passed <see cref="StockPostingRules"/>, with its bin and batch turned into balance keys.</summary>
public sealed record CheckedMovement(int Index, StockMovement Movement, Product Product, Warehouse Warehouse, Guid LocationKey, string BatchKey, DateOnly? ExpiryDate)
{
    public decimal Quantity => Movement.Quantity;
    public bool IsReceipt => Movement.Quantity > 0m;
}

/// <summary>
/// What a stock posting must satisfy before it touches the ledger: a source to trace back to, and per movement a
/// stocked active product, an active warehouse, a bin of that warehouse, a batch exactly when the product tracks
/// batches (and the plan has them), a non-zero quantity with at most 4 decimals and, on receipts only, a sensible
/// unit cost. Errors about a movement name the field <c>Movements[i].Property</c> (i = its index in the posting)
/// and the line number the source gave it.
/// </summary>
public static class StockPostingRules
{
    public static IReadOnlyList<CheckedMovement> Check(
        StockPosting posting, IReadOnlyDictionary<Guid, Product> products, IReadOnlyDictionary<Guid, Warehouse> warehouses,
        IReadOnlyDictionary<Guid, WarehouseLocation> locations, bool batchesEnabled)
    {
        CheckSource(posting);
        if (posting.Movements.Count == 0) throw new BusinessException(InventoryErrorCodes.PostingEmpty);
        var checkedMovements = new List<CheckedMovement>(posting.Movements.Count);
        for (var index = 0; index < posting.Movements.Count; index++)
        {
            checkedMovements.Add(CheckMovement(index, posting.Movements[index], products, warehouses, locations, batchesEnabled));
        }
        return checkedMovements;
    }

    public static void CheckSource(StockPosting posting)
    {
        if (string.IsNullOrWhiteSpace(posting.SourceType) || posting.SourceType.Length > StockConsts.MaxSourceTypeLength
            || string.IsNullOrWhiteSpace(posting.SourceNumber) || posting.SourceNumber.Length > StockConsts.MaxSourceNumberLength
            || posting.SourceId == Guid.Empty)
        {
            throw new BusinessException(InventoryErrorCodes.SourceInvalid);
        }
    }

    /// <summary>Quantities are never zero and keep at most <see cref="StockConsts.QuantityScale"/> decimals.</summary>
    public static bool IsValidQuantity(decimal quantity) =>
        quantity != 0m && Math.Abs(quantity) <= StockConsts.MaxQuantity && decimal.Round(quantity, StockConsts.QuantityScale) == quantity;

    private static CheckedMovement CheckMovement(
        int index, StockMovement movement, IReadOnlyDictionary<Guid, Product> products, IReadOnlyDictionary<Guid, Warehouse> warehouses,
        IReadOnlyDictionary<Guid, WarehouseLocation> locations, bool batchesEnabled)
    {
        var line = movement.LineNumber;
        if (!IsValidQuantity(movement.Quantity))
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.Quantity)), InventoryErrorCodes.QuantityInvalid, line, StockConsts.QuantityScale);
        }
        if (movement.UnitCost is { } cost)
        {
            if (movement.Quantity < 0m) throw BusinessException.ForField(Field(index, nameof(StockMovement.UnitCost)), InventoryErrorCodes.UnitCostOnIssue, line);
            if (cost < 0m || cost > StockConsts.MaxUnitCost || decimal.Round(cost, StockConsts.UnitCostScale) != cost)
            {
                throw BusinessException.ForField(Field(index, nameof(StockMovement.UnitCost)), InventoryErrorCodes.UnitCostInvalid, line, StockConsts.UnitCostScale);
            }
        }
        if (!products.TryGetValue(movement.ProductId, out var product) || !product.IsActive || !product.IsStocked)
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.ProductId)), InventoryErrorCodes.ProductNotStocked, line);
        }
        if (!warehouses.TryGetValue(movement.WarehouseId, out var warehouse) || !warehouse.IsActive)
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.WarehouseId)), InventoryErrorCodes.WarehouseUnavailable, line);
        }
        var locationKey = StockConsts.NoLocation;
        if (movement.LocationId is { } locationId && locationId != StockConsts.NoLocation)
        {
            // Stock may always leave a bin that was closed since; only receipts need the bin to be in use.
            if (!locations.TryGetValue(locationId, out var location) || location.WarehouseId != warehouse.Id || (!location.IsActive && movement.Quantity > 0m))
            {
                throw BusinessException.ForField(Field(index, nameof(StockMovement.LocationId)), InventoryErrorCodes.LocationNotInWarehouse, line, warehouse.Code);
            }
            locationKey = locationId;
        }
        var batch = NormalizeBatch(movement.BatchNumber, index, line);
        if (batch is null && product.IsBatchTracked && batchesEnabled)
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.BatchNumber)), InventoryErrorCodes.BatchRequired, line, product.Code);
        }
        if (batch is not null && !product.IsBatchTracked)
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.BatchNumber)), InventoryErrorCodes.BatchNotTracked, line, product.Code);
        }
        if (movement.ExpiryDate is not null && batch is null)
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.ExpiryDate)), InventoryErrorCodes.ExpiryNeedsBatch, line);
        }
        return new CheckedMovement(index, movement, product, warehouse, locationKey, batch ?? StockConsts.NoBatch, movement.ExpiryDate);
    }

    /// <summary>Batch numbers are kept as printed on the label, trimmed; blank means none.</summary>
    public static string? NormalizeBatch(string? batchNumber, int index, int line)
    {
        var trimmed = batchNumber?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > StockConsts.MaxBatchNumberLength || trimmed.Any(char.IsControl))
        {
            throw BusinessException.ForField(Field(index, nameof(StockMovement.BatchNumber)), InventoryErrorCodes.BatchNumberInvalid, line, StockConsts.MaxBatchNumberLength);
        }
        return trimmed;
    }

    public static string Field(int index, string property) => $"{nameof(StockPosting.Movements)}[{index}].{property}";
}
