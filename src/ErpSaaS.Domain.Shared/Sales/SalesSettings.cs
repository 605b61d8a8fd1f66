using ErpSaaS.Settings;

namespace ErpSaaS.Sales;

/// <summary>The company's sales settings (tenant settings with defaults).</summary>
public static class SalesSettings
{
    /// <summary>The highest line discount (%) a salesperson may give; an order above it goes to discount approval.</summary>
    public const string DiscountLimitPercent = "Sales.DiscountLimitPercent";

    public const string Section = "Sales";

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(DiscountLimitPercent, "10", ["0", "5", "10", "15", "20", "30", "50", "100"], Section),
    ];
}
