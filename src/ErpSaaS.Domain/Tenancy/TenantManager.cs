using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Tenancy;

public interface ITenantRepository
{
    Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken = default);
    Task<Tenant?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Every tenant's id, for platform maintenance done company by company.</summary>
    Task<List<Guid>> GetAllIdsAsync(CancellationToken cancellationToken = default);
    void Add(Tenant tenant);
}

/// <summary>Creates tenants: the one place that knows a slug must be unique across the platform.</summary>
public sealed class TenantManager(ITenantRepository tenants, TimeProvider clock)
{
    public const int TrialDays = 14;

    public async Task<Tenant> CreateAsync(string name, string slug, Guid planId, bool trial, CancellationToken cancellationToken = default)
    {
        var normalized = Tenant.NormalizeSlug(slug);
        if (await tenants.SlugExistsAsync(normalized, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Tenant.Slug), ErrorCodes.TenantSlugTaken, normalized);
        }
        var now = clock.GetUtcNow();
        var tenant = new Tenant(name, normalized, planId,
            trial ? TenantStatus.Trialing : TenantStatus.Active, now, trial ? now.AddDays(TrialDays) : null);
        tenants.Add(tenant);
        return tenant;
    }
}
