using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// The rules every document line follows, whatever the document: quantities in any of the product's units become base
/// units with at most 4 decimals, costs are not negative, and batches go with batch-tracked products only. Errors name
/// the line's field ("Lines[2].Quantity") so the form shows them next to it.
/// </summary>
public static class StockLineRules
{
    public static string Field(int index, string name) => $"Lines[{index}].{name}";

    public static void CheckLineCount(int count, int max = StockDocumentConsts.MaxLines)
    {
        if (count == 0) throw BusinessException.ForField("Lines", StockDocumentErrorCodes.LinesRequired);
        if (count > max) throw BusinessException.ForField("Lines", StockDocumentErrorCodes.TooManyLines, max);
    }

    /// <summary>The unit a quantity was entered in: the product's base unit when none was given.</summary>
    public static string UnitOf(Product product, string? unit, int index)
    {
        var code = string.IsNullOrWhiteSpace(unit) ? product.BaseUnit : unit.Trim().ToUpperInvariant();
        if (!product.Units.Contains(code, StringComparer.Ordinal))
        {
            throw BusinessException.ForField(Field(index, "Unit"), StockDocumentErrorCodes.UnitNotConvertible, product.Code, code);
        }
        return code;
    }

    /// <summary>A quantity in <paramref name="unit"/> as base units (3 BOX of 12 → 36); both must fit 4 decimals.</summary>
    public static decimal ToBase(Product product, decimal quantity, string unit, int index, string field = "Quantity")
    {
        CheckPrecision(quantity, Field(index, field));
        var baseQuantity = product.ToBaseQuantity(quantity, unit);
        CheckPrecision(baseQuantity, Field(index, field));
        return baseQuantity;
    }

    public static void CheckPrecision(decimal quantity, string field)
    {
        if (decimal.Round(quantity, StockDocumentConsts.QuantityScale) != quantity || Math.Abs(quantity) >= 100_000_000_000_000m)
        {
            throw BusinessException.ForField(field, StockDocumentErrorCodes.QuantityTooPrecise, StockDocumentConsts.QuantityScale);
        }
    }

    /// <summary>A unit cost per <paramref name="unit"/> turned into the cost of one base unit (6 decimals).</summary>
    public static decimal BaseUnitCost(Product product, decimal unitCost, string unit, int index)
    {
        if (unitCost < 0m || decimal.Round(unitCost, StockDocumentConsts.UnitCostScale) != unitCost || unitCost >= 1_000_000_000_000m)
        {
            throw BusinessException.ForField(Field(index, "UnitCost"), StockDocumentErrorCodes.UnitCostInvalid, StockDocumentConsts.UnitCostScale);
        }
        return decimal.Round(unitCost / product.FactorOf(unit), StockDocumentConsts.UnitCostScale, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The batch of a line: required for a batch-tracked product, refused for any other. Batch numbers are kept as
    /// printed on the label (trimmed, no spaces inside).
    /// </summary>
    public static string? Batch(Product product, string? batchNumber, int index)
    {
        var trimmed = string.IsNullOrWhiteSpace(batchNumber) ? null : batchNumber.Trim();
        if (!product.IsBatchTracked)
        {
            if (trimmed is not null) throw BusinessException.ForField(Field(index, "BatchNumber"), StockDocumentErrorCodes.BatchNotTracked, product.Code);
            return null;
        }
        if (trimmed is null) throw BusinessException.ForField(Field(index, "BatchNumber"), StockDocumentErrorCodes.BatchRequired, product.Code);
        if (trimmed.Length > StockDocumentConsts.MaxBatchNumberLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw BusinessException.ForField(Field(index, "BatchNumber"), StockDocumentErrorCodes.BatchNumberInvalid, StockDocumentConsts.MaxBatchNumberLength);
        }
        return trimmed;
    }

    /// <summary>
    /// The expiry of a batch received: as entered, or the receiving day plus the product's shelf life. Products without
    /// batches have no expiry.
    /// </summary>
    public static DateOnly? ReceivedExpiry(Product product, DateOnly? expiry, DateOnly today, int index)
    {
        if (!product.IsBatchTracked)
        {
            if (expiry is not null) throw BusinessException.ForField(Field(index, "ExpiryDate"), StockDocumentErrorCodes.ExpiryNotTracked, product.Code);
            return null;
        }
        return expiry ?? (product.ShelfLifeDays is { } days ? today.AddDays(days) : null);
    }

    public static decimal Value(decimal quantity, decimal unitCost) =>
        decimal.Round(quantity * unitCost, StockDocumentConsts.ValueScale, MidpointRounding.AwayFromZero);
}
