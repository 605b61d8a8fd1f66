using System.Globalization;
using ErpSaaS.Settings;

namespace ErpSaaS.Purchasing;

/// <summary>The company's purchasing tolerances (tenant settings with defaults), in whole or decimal percent.</summary>
public static class PurchasingSettings
{
    /// <summary>How far a receipt may go beyond the ordered quantity, in percent of the line (0 = not at all).</summary>
    public const string OverReceiptTolerancePercent = "Purchasing.OverReceiptTolerancePercent";

    /// <summary>How far an invoiced unit price may differ from the order's before the invoice is held, in percent.</summary>
    public const string PriceTolerancePercent = "Purchasing.PriceTolerancePercent";

    public const decimal MaxPercent = 1000m;

    /// <summary>The settings page shows both in one card, as a choice of these percentages.</summary>
    public const string Section = "Purchasing";

    public static readonly IReadOnlyList<string> Percentages = ["0", "1", "2", "5", "10", "20"];

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(OverReceiptTolerancePercent, "0", Percentages, Section),
        new(PriceTolerancePercent, "0", Percentages, Section),
    ];

    /// <summary>A stored percentage; anything unreadable or out of range counts as 0 (the strict default).</summary>
    public static decimal PercentOf(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) && percent is >= 0m and <= MaxPercent ? percent : 0m;
}
