using ErpSaaS.Settings;

namespace ErpSaaS.Inventory;

/// <summary>The company's stock settings (tenant settings with defaults).</summary>
public static class InventorySettings
{
    /// <summary>"true" lets issues take a balance below zero (goods shipped before their receipt is booked).</summary>
    public const string AllowNegativeStock = "Inventory.AllowNegativeStock";

    /// <summary>A <see cref="StockValuationScope"/>: one average cost / FIFO pool per product for the company, or per warehouse.</summary>
    public const string ValuationScope = "Inventory.ValuationScope";

    /// <summary>The settings page shows both in one card.</summary>
    public const string Section = "Inventory";

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(AllowNegativeStock, "false", ["false", "true"], Section),
        new(ValuationScope, nameof(StockValuationScope.Company), Enum.GetNames<StockValuationScope>(), Section),
    ];
}
