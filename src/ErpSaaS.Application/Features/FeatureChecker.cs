using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace ErpSaaS.Features;

/// <summary>
/// Effective feature values of the current tenant (tenant override → plan → default), cached per tenant.
/// Any save of a plan, a feature value, an override or a tenant drops every cached entry at once, so a
/// plan change takes effect on the next request. The host side is not limited by plans.
/// </summary>
public sealed class FeatureChecker(ICurrentTenant currentTenant, ITenantStore tenants, IPlanRepository plans, IMemoryCache cache, FeatureCacheInvalidator invalidator)
    : IFeatureChecker
{
    public async Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default) =>
        currentTenant.Id is null || bool.Parse(await ValueAsync(feature, cancellationToken));

    public async Task<int> GetLimitAsync(string feature, CancellationToken cancellationToken = default) =>
        currentTenant.Id is null ? int.MaxValue : int.Parse(await ValueAsync(feature, cancellationToken), CultureInfo.InvariantCulture);

    public async Task CheckEnabledAsync(string feature, CancellationToken cancellationToken = default)
    {
        if (!await IsEnabledAsync(feature, cancellationToken))
        {
            throw new AuthorizationException(missingFeature: feature);
        }
    }

    public async Task CheckLimitAsync(string feature, int currentCount, CancellationToken cancellationToken = default)
    {
        var limit = await GetLimitAsync(feature, cancellationToken);
        if (currentCount >= limit)
        {
            throw new BusinessException(ErrorCodes.FeatureLimitReached, feature, limit, currentCount);
        }
    }

    /// <summary>All effective values for a tenant (for the operator's tenant page and the billing page).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAllAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var key = $"features:{tenantId}";
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, string>? cached) && cached is not null) return cached;
        var tenant = await tenants.FindAsync(tenantId, cancellationToken);
        var plan = tenant is null ? null : await plans.FindAsync(tenant.PlanId, cancellationToken);
        var overrides = (await plans.GetOverridesAsync(tenantId, cancellationToken)).ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> values = FeatureDefinitions.All.ToDictionary(
            d => d.Name,
            d => overrides.GetValueOrDefault(d.Name) ?? plan?.FindFeature(d.Name) ?? d.DefaultValue,
            StringComparer.Ordinal);
        // A child switch is only on while its parent is.
        values = values.ToDictionary(p => p.Key, p =>
        {
            var parent = FeatureDefinitions.Get(p.Key).Parent;
            return parent is not null && values[parent] == "false" ? "false" : p.Value;
        }, StringComparer.Ordinal);
        // A company not found yet (one being created in a transaction still open) is not remembered without its plan.
        if (tenant is null) return values;
        cache.Set(key, values, new MemoryCacheEntryOptions()
            .SetAbsoluteExpiration(TimeSpan.FromMinutes(5))
            .AddExpirationToken(invalidator.Token));
        return values;
    }

    private async Task<string> ValueAsync(string feature, CancellationToken cancellationToken)
    {
        FeatureDefinitions.Get(feature);
        return (await GetAllAsync(currentTenant.Id!.Value, cancellationToken))[feature];
    }
}

/// <summary>Drops every cached feature set when a plan, a feature value, an override or a tenant changes.</summary>
public sealed class FeatureCacheInvalidator : CacheInvalidator
{
    protected override bool Affects(object entity) => entity is Plan or PlanFeatureValue or TenantFeatureOverride or Tenant;

    protected override IReadOnlySet<string> Tables { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "plans", "plan_feature_values", "tenant_feature_overrides", "tenants" };
}
