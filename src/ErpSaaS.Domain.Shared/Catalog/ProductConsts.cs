namespace ErpSaaS.Catalog;

/// <summary>What a product is to the business; services are sold and bought but never stocked.</summary>
public enum ProductType
{
    RawMaterial = 0,
    SemiFinished = 1,
    Finished = 2,
    Goods = 3,
    Service = 4,
}

/// <summary>How issues of a product are costed.</summary>
public enum ValuationMethod
{
    MovingAverage = 0,
    Fifo = 1,
}

public static class ProductConsts
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 128;
    public const int MaxSpecificationLength = 256;
    public const int MaxBarcodeLength = 64;
    public const int MaxBarcodes = 20;
    public const int MaxUnitConversions = 10;
    public const int MaxLeadTimeDays = 3650;
    public const int MaxShelfLifeDays = 36500;

    /// <summary>Quantities are kept to 4 decimals (numeric(18,4)); unit prices and costs to 4 (numeric(18,4)).</summary>
    public const int QuantityScale = 4;
    public const int PriceScale = 4;

    /// <summary>A conversion factor (base units in one of the other unit) keeps 6 decimals: 1 g = 0.001 kg and finer.</summary>
    public const int FactorScale = 6;
}

public static class ProductCategoryConsts
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;

    /// <summary>Deep enough for 大类 → 中类 → 小类 and some; deeper trees are usually a mistake in the data.</summary>
    public const int MaxDepth = 6;
}

public static class UnitOfMeasureConsts
{
    public const int MaxCodeLength = 16;
    public const int MaxNameLength = 32;
    public const int MaxDecimalPlaces = 4;
}

public static class TaxRateConsts
{
    public const int MaxCodeLength = 16;
    public const int MaxNameLength = 64;

    /// <summary>The rate as a fraction (0.13 for 13 %) with 4 decimals.</summary>
    public const int RateScale = 4;
}

public static class WarehouseLocationConsts
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;
}
