namespace ErpSaaS.Settings;

/// <param name="Section">
/// A module's choice shown on the settings page in its own card ("Settings:Section:{Section}"), as a list of its
/// allowed values ("Setting:{Name}" labels it, "Setting:{Name}:{value}" each choice); null for settings the page
/// lays out itself.
/// </param>
public sealed record SettingDefinition(string Name, string DefaultValue, IReadOnlyList<string>? AllowedValues = null, string? Section = null)
{
    public bool IsValid(string? value) =>
        value is not null && value.Length <= ErpSettings.MaxValueLength
        && (AllowedValues is null || AllowedValues.Contains(value, StringComparer.Ordinal));
}

public static class SettingDefinitions
{
    public static readonly IReadOnlyList<string> Currencies = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP"];
    public static readonly IReadOnlyList<string> TimeZones =
        ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC"];

    public static readonly IReadOnlyList<SettingDefinition> All = BuildAll();

    private static readonly Dictionary<string, SettingDefinition> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static SettingDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static string NumberPatternSetting(string documentType) => ErpSettings.NumberPatternPrefix + documentType;

    private static List<SettingDefinition> BuildAll()
    {
        List<SettingDefinition> all =
        [
            new(ErpSettings.CompanyName, string.Empty),
            new(ErpSettings.CompanyTaxId, string.Empty),
            new(ErpSettings.CompanyAddress, string.Empty),
            new(ErpSettings.CompanyPhone, string.Empty),
            new(ErpSettings.BaseCurrency, "CNY", Currencies),
            new(ErpSettings.TimeZone, "Asia/Shanghai", TimeZones),
            new(ErpSettings.DefaultLanguage, "zh-Hans", ["zh-Hans", "en"]),
        ];
        all.AddRange(Numbering.DocumentTypes.DefaultPatterns.Select(p => new SettingDefinition(NumberPatternSetting(p.Key), p.Value)));
        all.AddRange(Inventory.InventorySettings.Definitions);
        all.AddRange(Inventory.Alerts.StockAlertSettings.Definitions);
        all.AddRange(Sales.SalesSettings.Definitions);
        all.AddRange(Purchasing.PurchasingSettings.Definitions);
        all.AddRange(Analytics.AnalyticsSettings.Definitions);
        return all;
    }
}
