namespace ErpSaaS.Inventory;

/// <summary>A valuation pool's state between two entries.</summary>
public readonly record struct ValuationPool(decimal Quantity, decimal Value, decimal LastUnitCost);

/// <summary>
/// The arithmetic of valuation, in one place for the forward posting (here) and mirrored by the backdated
/// revaluation's SQL (migration 0011, <c>erp_moving_average_step</c> and the FIFO interval join): values are money,
/// rounded to cents half away from zero (as PostgreSQL's round does), at each entry.
/// </summary>
public static class StockValuationMath
{
    public static decimal Money(decimal amount) => Math.Round(amount, StockConsts.ValueScale, MidpointRounding.AwayFromZero);

    /// <summary>What one unit of an entry cost: its value over its quantity (the given cost when the source named one).</summary>
    public static decimal UnitCostOf(decimal value, decimal quantity, decimal? givenUnitCost) =>
        givenUnitCost ?? Math.Round(Math.Abs(value / quantity), StockConsts.UnitCostScale, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Moving weighted average: a receipt with a cost adds quantity × cost; anything else moves at the pool's average
    /// (value / quantity), and the last units out take whatever value is left, so an empty pool is worth nothing.
    /// A pool holding nothing (or less, with negative stock) has no average: the last unit cost stands in.
    /// </summary>
    public static decimal MovingAverageValue(ValuationPool pool, decimal quantity, decimal? givenUnitCost)
    {
        if (givenUnitCost is { } cost) return Money(quantity * cost);
        if (pool.Quantity > 0m)
        {
            return pool.Quantity + quantity == 0m ? -pool.Value : Money(quantity * pool.Value / pool.Quantity);
        }
        return Money(quantity * pool.LastUnitCost);
    }

    /// <summary>The pool after an entry of <paramref name="quantity"/> worth <paramref name="value"/> at <paramref name="unitCost"/>.</summary>
    public static ValuationPool After(ValuationPool pool, decimal quantity, decimal value, decimal unitCost, bool updatesLastCost = true) =>
        new(pool.Quantity + quantity, pool.Value + value, updatesLastCost ? unitCost : pool.LastUnitCost);

    /// <summary>
    /// FIFO issue: takes <paramref name="quantity"/> (positive) from the open layers, oldest first, and costs what no
    /// layer covers (negative stock) at the last receipt's cost. Returns the issue's (negative) value; the layers'
    /// remaining quantities are reduced in place.
    /// </summary>
    public static decimal FifoIssueValue(IReadOnlyList<FifoLayer> openLayersOldestFirst, decimal quantity, decimal lastReceiptCost)
    {
        var left = quantity;
        var cost = 0m;
        foreach (var layer in openLayersOldestFirst)
        {
            if (left == 0m) break;
            if (layer.Remaining <= 0m) continue;
            var taken = Math.Min(layer.Remaining, left);
            layer.Remaining -= taken;
            layer.IsChanged = true;
            cost += taken * layer.UnitCost;
            left -= taken;
        }
        cost += left * lastReceiptCost;
        return -Money(cost);
    }

    /// <summary>
    /// A FIFO receipt into a pool short of stock (negative) first makes up the shortfall: only the rest stays as a layer.
    /// </summary>
    public static decimal FifoLayerRemaining(ValuationPool poolBefore, decimal receivedQuantity) =>
        receivedQuantity - Math.Min(receivedQuantity, Math.Max(0m, -poolBefore.Quantity));
}

/// <summary>A FIFO layer as the posting consumes it.</summary>
public sealed class FifoLayer(Guid id, decimal remaining, decimal unitCost)
{
    public Guid Id { get; } = id;
    public decimal Remaining { get; set; } = remaining;
    public decimal UnitCost { get; } = unitCost;
    public bool IsChanged { get; set; }
}
