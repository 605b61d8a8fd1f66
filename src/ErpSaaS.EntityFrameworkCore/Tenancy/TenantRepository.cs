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

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);
}
