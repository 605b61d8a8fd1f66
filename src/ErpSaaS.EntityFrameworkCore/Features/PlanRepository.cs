using ErpSaaS.Features;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Features;

internal sealed class PlanRepository(ErpDbContext db) : IPlanRepository
{
    public Task<Plan?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Plans.Include(p => p.FeatureValues).FirstOrDefaultAsync(p => p.Code == code, cancellationToken);

    public Task<Plan?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Plans.Include(p => p.FeatureValues).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<List<Plan>> GetAllAsync(CancellationToken cancellationToken = default) =>
        db.Plans.Include(p => p.FeatureValues).OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);

    public Task<List<TenantFeatureOverride>> GetOverridesAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.TenantFeatureOverrides.Where(o => o.TenantId == tenantId).ToListAsync(cancellationToken);

    public void Add(Plan plan) => db.Plans.Add(plan);

    public void AddOverride(TenantFeatureOverride featureOverride) => db.TenantFeatureOverrides.Add(featureOverride);

    public void RemoveOverride(TenantFeatureOverride featureOverride) => db.TenantFeatureOverrides.Remove(featureOverride);
}
