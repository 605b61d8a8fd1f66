using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

internal sealed class TenantRepository(ErpDbContext db) : ITenantRepository
{
    public Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken);

    public Task<Tenant?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public Task<List<Guid>> GetAllIdsAsync(CancellationToken cancellationToken = default) =>
        db.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);
}
