using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Identity;

/// <summary>
/// Lays the tenant-side permission definitions out as the matrix page shows them: groups in definition order,
/// each child right below its parent with its depth, and whether the plan lets it be granted at all.
/// </summary>
public sealed class PermissionMatrixBuilder(IFeatureChecker features)
{
    public async Task<IReadOnlyList<PermissionGroupDto>> BuildAsync(
        IReadOnlySet<string> granted, IReadOnlySet<string> inherited, CancellationToken cancellationToken)
    {
        var definitions = ErpPermissions.For(PermissionSide.Tenant).ToList();
        var groups = new List<PermissionGroupDto>();
        foreach (var group in definitions.GroupBy(d => d.Group))
        {
            var items = new List<PermissionItemDto>();
            foreach (var root in group.Where(d => d.Parent is null))
            {
                await AddWithChildrenAsync(root, 0);
            }
            groups.Add(new PermissionGroupDto(group.Key, $"PermissionGroup:{group.Key}", items));

            async Task AddWithChildrenAsync(PermissionDefinition definition, int depth)
            {
                var available = definition.RequiredFeature is not { } feature || await features.IsEnabledAsync(feature, cancellationToken);
                items.Add(new PermissionItemDto(definition.Name, definition.DisplayKey, definition.Parent, depth,
                    granted.Contains(definition.Name), inherited.Contains(definition.Name), definition.RequiredFeature, available));
                foreach (var child in group.Where(d => d.Parent == definition.Name))
                {
                    await AddWithChildrenAsync(child, depth + 1);
                }
            }
        }
        return groups;
    }

    /// <summary>
    /// The grants to store when an admin submits <paramref name="requested"/> over <paramref name="current"/>:
    /// unknown and host-side names are refused, newly granting a permission whose feature is off is refused,
    /// grants the form could not show (feature off) are kept, and children without their parent are dropped.
    /// </summary>
    public async Task<HashSet<string>> ResolveAsync(IReadOnlyCollection<string> requested, IReadOnlySet<string> current, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in requested.Distinct(StringComparer.Ordinal))
        {
            var definition = ErpPermissions.Find(name);
            if (definition is null || definition.Side != PermissionSide.Tenant)
            {
                throw new ArgumentException($"{name} is not a tenant permission", nameof(requested));
            }
            if (definition.RequiredFeature is { } feature && !current.Contains(name) && !await features.IsEnabledAsync(feature, cancellationToken))
            {
                throw new Common.BusinessException(Errors.ErrorCodes.FeatureNotEnabled, feature);
            }
            result.Add(name);
        }
        foreach (var name in current)
        {
            if (ErpPermissions.Find(name)?.RequiredFeature is { } feature && !await features.IsEnabledAsync(feature, cancellationToken))
            {
                result.Add(name);
            }
        }
        bool HasParentChain(string name) => ErpPermissions.Find(name)?.Parent is not { } parent || (result.Contains(parent) && HasParentChain(parent));
        result.RemoveWhere(name => !HasParentChain(name));
        return result;
    }
}
