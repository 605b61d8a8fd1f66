using ErpSaaS.Identity;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Identity;

internal sealed class PermissionGrantRepository(ErpDbContext db) : IPermissionGrantRepository
{
    public Task<List<PermissionGrant>> GetAllAsync(CancellationToken cancellationToken = default) =>
        db.PermissionGrants.AsNoTracking().ToListAsync(cancellationToken);

    public Task<List<PermissionGrant>> GetForAsync(PermissionGrantee grantee, Guid granteeId, CancellationToken cancellationToken = default) =>
        db.PermissionGrants.Where(g => g.Grantee == grantee && g.GranteeId == granteeId).ToListAsync(cancellationToken);

    public Task<List<Guid>> GetRoleIdsOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId).ToListAsync(cancellationToken);

    public void Add(PermissionGrant grant) => db.PermissionGrants.Add(grant);

    public void Remove(PermissionGrant grant) => db.PermissionGrants.Remove(grant);
}
