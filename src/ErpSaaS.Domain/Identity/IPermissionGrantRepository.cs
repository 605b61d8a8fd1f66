namespace ErpSaaS.Identity;

public interface IPermissionGrantRepository
{
    /// <summary>Every grant of the current tenant (small: roles × permissions), for the permission cache.</summary>
    Task<List<PermissionGrant>> GetAllAsync(CancellationToken cancellationToken = default);
    Task<List<PermissionGrant>> GetForAsync(PermissionGrantee grantee, Guid granteeId, CancellationToken cancellationToken = default);
    /// <summary>The roles a user of the current tenant is in.</summary>
    Task<List<Guid>> GetRoleIdsOfUserAsync(Guid userId, CancellationToken cancellationToken = default);
    void Add(PermissionGrant grant);
    void Remove(PermissionGrant grant);
}
