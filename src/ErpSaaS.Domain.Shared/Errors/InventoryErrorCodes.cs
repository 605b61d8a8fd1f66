namespace ErpSaaS.Errors;

/// <summary>Business errors of stock postings, reservations and inquiries ("Error:{code}" texts in Inventory.json).</summary>
public static class InventoryErrorCodes
{
    /// <summary>{0} product code, {1} warehouse code, {2} available, {3} requested.</summary>
    public const string InsufficientStock = "Inventory:InsufficientStock";

    public const string PostingEmpty = "Inventory:PostingEmpty";
    public const string PostingInFuture = "Inventory:PostingInFuture";
    public const string SourceInvalid = "Inventory:SourceInvalid";

    /// <summary>{0} line, {1} decimals allowed.</summary>
    public const string QuantityInvalid = "Inventory:QuantityInvalid";

    /// <summary>{0} line, {1} decimals allowed.</summary>
    public const string UnitCostInvalid = "Inventory:UnitCostInvalid";

    /// <summary>{0} line.</summary>
    public const string UnitCostOnIssue = "Inventory:UnitCostOnIssue";

    /// <summary>{0} line.</summary>
    public const string ProductNotStocked = "Inventory:ProductNotStocked";

    /// <summary>{0} line.</summary>
    public const string WarehouseUnavailable = "Inventory:WarehouseUnavailable";

    /// <summary>{0} line, {1} warehouse code.</summary>
    public const string LocationNotInWarehouse = "Inventory:LocationNotInWarehouse";

    /// <summary>{0} line, {1} product code.</summary>
    public const string BatchRequired = "Inventory:BatchRequired";

    /// <summary>{0} line, {1} product code.</summary>
    public const string BatchNotTracked = "Inventory:BatchNotTracked";

    /// <summary>{0} line, {1} maximum length.</summary>
    public const string BatchNumberInvalid = "Inventory:BatchNumberInvalid";

    /// <summary>{0} line.</summary>
    public const string ExpiryNeedsBatch = "Inventory:ExpiryNeedsBatch";

    /// <summary>{0} decimals allowed.</summary>
    public const string ReservationQuantityInvalid = "Inventory:ReservationQuantityInvalid";

    /// <summary>The valuation scope cannot change once stock has been posted: the history is valued in the old pools.</summary>
    public const string ValuationScopeLocked = "Inventory:ValuationScopeLocked";

    /// <summary>A stock-value date in the future.</summary>
    public const string ValueDateInFuture = "Inventory:ValueDateInFuture";
}
