namespace ErpSaaS.Features;

public interface IPlanRepository
{
    Task<Plan?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<Plan?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<List<Plan>> GetAllAsync(CancellationToken cancellationToken = default);
    Task<List<TenantFeatureOverride>> GetOverridesAsync(Guid tenantId, CancellationToken cancellationToken = default);
    void Add(Plan plan);
    void AddOverride(TenantFeatureOverride featureOverride);
    void RemoveOverride(TenantFeatureOverride featureOverride);
}

/// <summary>The plans every installation starts with (DOMAIN.md "Plans"); the operator changes them as data.</summary>
public static class PlanCodes
{
    public const string Trial = "trial";
    public const string Starter = "starter";
    public const string Standard = "standard";
    public const string Professional = "professional";
}
