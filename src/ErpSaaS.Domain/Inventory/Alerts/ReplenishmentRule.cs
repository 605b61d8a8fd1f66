namespace ErpSaaS.Inventory.Alerts;

/// <summary>
/// How much to buy for a product at or below its reorder point (再订货点), in the base unit:
/// <list type="number">
/// <item>projected = on hand − reserved + on order + planned (what there will be once everything promised and expected has happened);</item>
/// <item>need = maximum stock − projected when the product has a maximum, otherwise the reorder quantity;</item>
/// <item>never less than the reorder quantity (the supplier's or the buyer's minimum lot);</item>
/// <item>when that still comes to nothing (no maximum, no reorder quantity, projected exactly at the point), one pack
/// (one base unit for a product without conversions);</item>
/// <item>rounded UP to whole packs, the pack being the product's largest unit conversion (BOX = 12 PCS → multiples of 12);
/// a product without conversions is bought in the base unit as computed.</item>
/// </list>
/// Rounding up may overshoot the maximum by less than one pack: buying in whole packs matters more than the ceiling.
/// </summary>
public static class ReplenishmentRule
{
    public static decimal Projected(decimal onHand, decimal reserved, decimal onOrder, decimal planned) => onHand - reserved + onOrder + planned;

    public static bool NeedsReplenishment(decimal reorderPoint, decimal projected) => reorderPoint > 0m && projected <= reorderPoint;

    /// <param name="packSize">Base units in the product's largest unit; null when it has no conversions.</param>
    public static decimal SuggestedQuantity(decimal projected, decimal reorderQuantity, decimal? maximumStock, decimal? packSize)
    {
        var need = maximumStock is { } maximum ? maximum - projected : reorderQuantity;
        need = Math.Max(need, reorderQuantity);
        if (packSize is not > 0m) return need > 0m ? need : 1m;
        var pack = packSize.Value;
        return need > 0m ? Math.Ceiling(need / pack) * pack : pack;
    }
}
