namespace ErpSaaS.Features;

/// <summary>A feature a plan can carry; the default applies when neither plan nor tenant says otherwise.</summary>
public sealed record FeatureDefinition(string Name, FeatureValueType Type, string DefaultValue, string? Parent = null)
{
    public string DisplayKey => $"Feature:{Name}";

    public bool IsValid(string? value) => Type switch
    {
        FeatureValueType.Boolean => bool.TryParse(value, out _),
        FeatureValueType.Number => int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0,
        _ => false,
    };
}

public static class FeatureDefinitions
{
    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        new(ErpFeatures.Trading, FeatureValueType.Boolean, "true"),
        new(ErpFeatures.MultiWarehouse, FeatureValueType.Boolean, "false"),
        new(ErpFeatures.ApprovalFlows, FeatureValueType.Boolean, "false"),
        new(ErpFeatures.ApprovalFlowsMultiStep, FeatureValueType.Boolean, "false", ErpFeatures.ApprovalFlows),
        new(ErpFeatures.Production, FeatureValueType.Boolean, "false"),
        new(ErpFeatures.Finance, FeatureValueType.Boolean, "false"),
        new(ErpFeatures.ApiAccess, FeatureValueType.Boolean, "false"),
        new(ErpFeatures.MaxUsers, FeatureValueType.Number, "3"),
        new(ErpFeatures.MaxWarehouses, FeatureValueType.Number, "1"),
    ];

    private static readonly Dictionary<string, FeatureDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static FeatureDefinition Get(string name) =>
        ByName.TryGetValue(name, out var definition) ? definition : throw new ArgumentException($"Unknown feature {name}", nameof(name));

    public static bool Exists(string name) => ByName.ContainsKey(name);
}
