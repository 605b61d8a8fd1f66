namespace ErpSaaS.Inventory;

/// <summary>Sizes and scales of the stock tables, shared by the ledger, the balances and the pages.</summary>
public static class StockConsts
{
    /// <summary>Quantities keep 4 decimals (numeric(18,4)), in the product's base unit.</summary>
    public const int QuantityScale = 4;

    /// <summary>Costs of one unit keep 6 decimals (numeric(18,6)), like unit prices.</summary>
    public const int UnitCostScale = 6;

    /// <summary>Values are money in the base currency: 2 decimals (numeric(18,2)).</summary>
    public const int ValueScale = 2;

    /// <summary>The largest quantity numeric(18,4) holds.</summary>
    public const decimal MaxQuantity = 99_999_999_999_999.9999m;

    /// <summary>The largest unit cost numeric(18,6) holds.</summary>
    public const decimal MaxUnitCost = 999_999_999_999.999999m;

    public const int MaxBatchNumberLength = 64;
    public const int MaxSourceTypeLength = 32;
    public const int MaxSourceNumberLength = 64;

    /// <summary>The location key of stock kept in a warehouse without a bin (keys are never null, so unique keys work).</summary>
    public static readonly Guid NoLocation = Guid.Empty;

    /// <summary>The batch key of stock without a batch.</summary>
    public const string NoBatch = "";

    /// <summary>The valuation key of company-wide valuation (per-warehouse valuation uses the warehouse id).</summary>
    public static readonly Guid CompanyWide = Guid.Empty;
}

/// <summary>Where a product's average cost and FIFO layers are kept: one pool for the company, or one per warehouse.</summary>
public enum StockValuationScope
{
    Company = 0,
    Warehouse = 1,
}

/// <summary>What started a verification of balances against the ledger.</summary>
public enum StockVerificationTrigger
{
    Nightly = 0,
    Manual = 1,
}

/// <summary>Which kept figure disagrees with the ledger.</summary>
public enum StockDifferenceKind
{
    /// <summary>A balance per product, warehouse, bin and batch.</summary>
    Balance = 0,

    /// <summary>The on-hand total of a product in a warehouse.</summary>
    WarehouseTotal = 1,

    /// <summary>The quantity and value of a product's valuation pool.</summary>
    Valuation = 2,

    /// <summary>A reserved quantity (of a balance or a warehouse total) against the open reservations.</summary>
    Reserved = 3,

    /// <summary>A warehouse total's on-order quantity against the expected supplies on order.</summary>
    OnOrder = 4,

    /// <summary>A warehouse total's planned quantity against the expected planned supplies.</summary>
    Planned = 5,

    /// <summary>
    /// The figures the stock-on-hand page totals a warehouse with (balance count, on hand, reserved, value) against its
    /// balances; the quantities and values shown are on hand and value.
    /// </summary>
    PageTotals = 6,
}

/// <summary>Stock expected to arrive: ordered from a supplier, or planned to be made.</summary>
public enum StockSupplyKind
{
    OnOrder = 0,
    Planned = 1,
}
