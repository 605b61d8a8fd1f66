using ErpSaaS.Web.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.Mvc;
using ErpFeatureDefinitions = ErpSaaS.Features.FeatureDefinitions;
using ErpFeatureValueType = ErpSaaS.Features.FeatureValueType;
using IErpFeatureChecker = ErpSaaS.Features.IFeatureChecker;

namespace ErpSaaS.Web.Features;

/// <summary>
/// Boolean plan features through Microsoft.FeatureManagement, so pages use <c>[FeatureGate]</c> and menus the
/// <c>&lt;feature&gt;</c> tag helper: every boolean feature is defined with the "Tenant" filter, which asks the
/// tenant-aware <see cref="IErpFeatureChecker"/> (override → plan → default). A gated page of a feature the plan
/// lacks answers 403 naming the feature, so the 403 page can name the plan that has it.
/// </summary>
public static class ErpFeatureManagement
{
    public static IServiceCollection AddErpFeatureManagement(this IServiceCollection services)
    {
        services.AddScopedFeatureManagement()
            .AddFeatureFilter<TenantFeatureFilter>()
            .UseDisabledFeaturesHandler(new PlanUpgradeDisabledFeaturesHandler());
        // Registered after the library's configuration-based provider, so this one is resolved.
        services.AddSingleton<IFeatureDefinitionProvider, ErpFeatureDefinitionProvider>();
        return services;
    }
}

/// <summary>Defines every boolean <see cref="ErpFeatureDefinitions"/> entry as conditional on the "Tenant" filter.</summary>
public sealed class ErpFeatureDefinitionProvider : IFeatureDefinitionProvider
{
    private static readonly IConfiguration NoParameters = new ConfigurationBuilder().Build();

    private static readonly Dictionary<string, FeatureDefinition> Definitions = ErpFeatureDefinitions.All
        .Where(d => d.Type == ErpFeatureValueType.Boolean)
        .ToDictionary(d => d.Name, d => new FeatureDefinition
        {
            Name = d.Name,
            EnabledFor = [new FeatureFilterConfiguration { Name = TenantFeatureFilter.Alias, Parameters = NoParameters }],
            RequirementType = RequirementType.Any,
            Status = FeatureStatus.Conditional,
        }, StringComparer.Ordinal);

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(Definitions.GetValueOrDefault(featureName)!);

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        await Task.CompletedTask;
        foreach (var definition in Definitions.Values) yield return definition;
    }
}

/// <summary>On when the current tenant's effective value is on (the host side is never limited by plans).</summary>
[FilterAlias(Alias)]
public sealed class TenantFeatureFilter(IErpFeatureChecker features) : IFeatureFilter
{
    public const string Alias = "Tenant";

    public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext context) =>
        features.IsEnabledAsync(context.FeatureName, context.CancellationToken);
}

/// <summary>Answers 403 and leaves the missing feature where the 403 page looks for it.</summary>
public sealed class PlanUpgradeDisabledFeaturesHandler : IDisabledFeaturesHandler
{
    public Task HandleDisabledFeatures(IEnumerable<string> features, ActionExecutingContext context)
    {
        context.HttpContext.Items[PermissionAuthorizationHandler.MissingFeatureKey] = features.First();
        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        return Task.CompletedTask;
    }
}
