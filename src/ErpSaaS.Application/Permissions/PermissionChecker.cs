using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace ErpSaaS.Permissions;

/// <summary>
/// A permission is granted when it is defined for the current side (host or tenant), its required feature is
/// on, its parent is granted, and the user holds it directly or through one of their roles. Grants and role
/// memberships are cached per tenant and dropped when they change.
/// </summary>
public sealed class PermissionChecker(
    ICurrentUser currentUser, ICurrentTenant currentTenant, IPermissionGrantRepository grants,
    IFeatureChecker features, IMemoryCache cache, PermissionCacheInvalidator invalidator) : IPermissionChecker
{
    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default) =>
        await DenialAsync(permission, cancellationToken) is null;

    public async Task CheckAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (await DenialAsync(permission, cancellationToken) is { } denial) throw denial;
    }

    /// <summary>For "A|B", none when any one is granted, else the first one's denial (which names its missing feature).</summary>
    private async Task<AuthorizationException?> DenialAsync(string permission, CancellationToken cancellationToken)
    {
        var alternatives = ErpPermissions.Alternatives(permission);
        if (alternatives.Length == 1) return await DenialOfOneAsync(permission, cancellationToken);
        AuthorizationException? first = null;
        foreach (var alternative in alternatives)
        {
            if (await DenialOfOneAsync(alternative, cancellationToken) is not { } denial) return null;
            first ??= denial;
        }
        return first;
    }

    private async Task<AuthorizationException?> DenialOfOneAsync(string permission, CancellationToken cancellationToken)
    {
        var definition = ErpPermissions.Find(permission);
        if (definition is null || currentUser.Id is not { } userId) return new AuthorizationException(permission);
        var side = currentTenant.Id is null ? PermissionSide.Host : PermissionSide.Tenant;
        if (definition.Side != side) return new AuthorizationException(permission);
        if (definition.RequiredFeature is { } feature && !await features.IsEnabledAsync(feature, cancellationToken))
        {
            return new AuthorizationException(permission, feature);
        }
        if (definition.Parent is { } parent && await DenialOfOneAsync(parent, cancellationToken) is { } parentDenial)
        {
            return parentDenial;
        }
        var held = await PermissionsOfAsync(userId, cancellationToken);
        return held.Contains(permission) ? null : new AuthorizationException(permission);
    }

    private async Task<IReadOnlySet<string>> PermissionsOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = $"permissions:{currentTenant.Id?.ToString() ?? "host"}:{userId}";
        if (cache.TryGetValue(key, out IReadOnlySet<string>? cached) && cached is not null) return cached;
        var all = await grants.GetAllAsync(cancellationToken);
        var roleIds = (await grants.GetRoleIdsOfUserAsync(userId, cancellationToken)).ToHashSet();
        IReadOnlySet<string> held = all
            .Where(g => (g.Grantee == PermissionGrantee.User && g.GranteeId == userId)
                        || (g.Grantee == PermissionGrantee.Role && roleIds.Contains(g.GranteeId)))
            .Select(g => g.Name)
            .ToHashSet(StringComparer.Ordinal);
        cache.Set(key, held, new MemoryCacheEntryOptions()
            .SetAbsoluteExpiration(TimeSpan.FromMinutes(5))
            .AddExpirationToken(invalidator.Token));
        return held;
    }
}

/// <summary>Drops every cached permission set when a grant, a role or a role membership changes.</summary>
public sealed class PermissionCacheInvalidator : CacheInvalidator
{
    protected override bool Affects(object entity) => entity is PermissionGrant or AppUserRole or AppRole;

    protected override IReadOnlySet<string> Tables { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "permission_grants", "user_roles", "roles" };
}
