using System.Globalization;
using ErpSaaS.Features;

namespace ErpSaaS.Web.Errors;

/// <summary>Answers "which plan would give me this?" for a refusal because the tenant's plan lacks a feature.</summary>
public sealed class UpgradePlanFinder(IPlanRepository plans)
{
    public const string UpgradeUrl = "/app/billing";

    /// <summary>The cheapest plan on sale (visible, not the trial) that switches the feature on; null when none does.</summary>
    public async Task<Plan?> CheapestPlanWithAsync(string feature, CancellationToken cancellationToken = default)
    {
        if (!FeatureDefinitions.Exists(feature)) return null;
        var definition = FeatureDefinitions.Get(feature);
        return (await plans.GetAllAsync(cancellationToken))
            .Where(p => p.IsVisible && !p.IsTrial && IsOn(definition, p.FindFeature(feature) ?? definition.DefaultValue))
            .OrderBy(p => p.MonthlyPrice)
            .ThenBy(p => p.SortOrder)
            .FirstOrDefault();
    }

    private static bool IsOn(FeatureDefinition definition, string value) => definition.Type == FeatureValueType.Boolean
        ? bool.TryParse(value, out var on) && on
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0;
}
