using System.Globalization;
using ErpSaaS.Settings;

namespace ErpSaaS.Analytics;

/// <summary>The company's exception thresholds (tenant settings with defaults), chosen on the settings page.</summary>
public static class AnalyticsSettings
{
    /// <summary>A purchase order line priced more than this many percent above the product's 90-day average is an exception.</summary>
    public const string PriceIncreasePercent = "Analytics.PriceIncreasePercent";

    /// <summary>A supplier whose late receipts exceed this share (%) of its receipts in the last 90 days is an exception.</summary>
    public const string SupplierLateRatePercent = "Analytics.SupplierLateRatePercent";

    /// <summary>A product or customer whose returned quantity exceeds this share (%) of the delivered quantity is an exception.</summary>
    public const string ReturnRatePercent = "Analytics.ReturnRatePercent";

    /// <summary>Return rates count only from this delivered quantity (base units) up, so one returned unit does not flag.</summary>
    public const string ReturnMinDeliveredQuantity = "Analytics.ReturnMinDeliveredQuantity";

    /// <summary>The days every exception looks back over (price average, late rate, return rate).</summary>
    public const int PeriodDays = 90;

    public const string Section = "Analytics";

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(PriceIncreasePercent, "10", ["5", "10", "15", "20", "30", "50"], Section),
        new(SupplierLateRatePercent, "20", ["5", "10", "20", "30", "50"], Section),
        new(ReturnRatePercent, "10", ["2", "5", "10", "15", "20", "30"], Section),
        new(ReturnMinDeliveredQuantity, "10", ["1", "5", "10", "20", "50", "100"], Section),
    ];

    /// <summary>A stored threshold; anything unreadable or negative falls back to the setting's default.</summary>
    public static decimal ValueOf(string name, string? value)
    {
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 0m) return number;
        return decimal.Parse(Definitions.Single(d => d.Name == name).DefaultValue, CultureInfo.InvariantCulture);
    }
}

/// <summary>The kinds of exception (异常) the exceptions list shows, each with its own tab.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExceptionKind>))]
public enum ExceptionKind
{
    PriceAboveAverage = 1,
    SupplierLate = 2,
    ProductReturnRate = 3,
    CustomerReturnRate = 4,
    ApprovalOverdue = 5,
    BelowSafetyStock = 6,
    ExpiringBatch = 7,
}
