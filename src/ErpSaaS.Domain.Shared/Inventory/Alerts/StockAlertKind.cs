namespace ErpSaaS.Inventory.Alerts;

/// <summary>Why a product (in a warehouse, of a batch) needs someone's attention.</summary>
public enum StockAlertKind
{
    /// <summary>On hand over all warehouses is below the product's safety stock.</summary>
    BelowSafetyStock = 0,

    /// <summary>Projected stock (on hand − reserved + on order + planned) is at or below the reorder point: time to buy.</summary>
    BelowReorderPoint = 1,

    /// <summary>On hand over all warehouses is above the product's maximum stock.</summary>
    OverMaximum = 2,

    /// <summary>Stock has lain in a warehouse for the slow-moving days without anything going out.</summary>
    SlowMoving = 3,

    /// <summary>A batch in stock expires within the expiry warning days (or has expired).</summary>
    ExpiringBatch = 4,
}
