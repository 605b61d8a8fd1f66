using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Identity;

public sealed class RoleListQuery : PageRequest
{
    public string? Search { get; set; }
}

public sealed record RoleListItemDto(Guid Id, string Name, string? Description, bool IsStatic, int UserCount);

public sealed class RoleInput
{
    [Required, MaxLength(IdentityConsts.MaxRoleNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(IdentityConsts.MaxRoleDescriptionLength)]
    public string? Description { get; set; }
}

/// <summary>The permissions of one role or user, grouped as defined, children below their parent.</summary>
public sealed record PermissionMatrixDto(Guid GranteeId, string GranteeName, bool IsReadOnly, IReadOnlyList<PermissionGroupDto> Groups);

public sealed record PermissionGroupDto(string Name, string DisplayKey, IReadOnlyList<PermissionItemDto> Permissions);

/// <param name="IsInherited">Held through one of the user's roles (user matrices only).</param>
/// <param name="IsAvailable">False when the plan lacks <paramref name="RequiredFeature"/>: shown, but cannot be granted.</param>
public sealed record PermissionItemDto(
    string Name, string DisplayKey, string? Parent, int Depth, bool IsGranted, bool IsInherited, string? RequiredFeature, bool IsAvailable);

public interface IRoleAppService
{
    Task<PagedResult<RoleListItemDto>> GetListAsync(RoleListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RoleListItemDto>> ExportAsync(RoleListQuery query, CancellationToken cancellationToken = default);
    Task<RoleListItemDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<string>> GetNamesAsync(CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(RoleInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, RoleInput input, CancellationToken cancellationToken = default);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PermissionMatrixDto> GetPermissionsAsync(Guid roleId, CancellationToken cancellationToken = default);
    Task SetPermissionsAsync(Guid roleId, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default);

    /// <summary>Permissions given to one user on top of their roles.</summary>
    Task<PermissionMatrixDto> GetUserPermissionsAsync(Guid userId, CancellationToken cancellationToken = default);
    Task SetUserPermissionsAsync(Guid userId, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default);
}
