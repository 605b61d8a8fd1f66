using ErpSaaS.Settings;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>The company's alert thresholds (tenant settings with defaults), in whole days.</summary>
public static class StockAlertSettings
{
    /// <summary>Stock with no outgoing movement for this many days is a slow mover.</summary>
    public const string SlowMovingDays = "Inventory.Alerts.SlowMovingDays";

    /// <summary>Batches expiring within this many days are alerted.</summary>
    public const string ExpiryWarningDays = "Inventory.Alerts.ExpiryWarningDays";

    public const int DefaultSlowMovingDays = 90;
    public const int DefaultExpiryWarningDays = 30;
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    public static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        new(SlowMovingDays, DefaultSlowMovingDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(ExpiryWarningDays, DefaultExpiryWarningDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>A stored value as days; anything unreadable falls back to <paramref name="fallback"/>.</summary>
    public static int DaysOf(string? value, int fallback) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= MinDays and <= MaxDays
            ? days
            : fallback;
}
