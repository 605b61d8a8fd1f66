using ErpSaaS.Common;

namespace ErpSaaS.Identity;

/// <summary>Read side of users in the current tenant: projections with paging, sorting and filtering in SQL.</summary>
public interface IUserQueries
{
    Task<PagedResult<UserListItemDto>> GetListAsync(UserListQuery query, CancellationToken cancellationToken = default);
    Task<UserDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Users counting against the plan's user limit: active ones, invited or not.</summary>
    Task<int> CountActiveAsync(CancellationToken cancellationToken = default);
    Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken = default);
}

/// <summary>Read side of roles in the current tenant.</summary>
public interface IRoleQueries
{
    Task<PagedResult<RoleListItemDto>> GetListAsync(RoleListQuery query, CancellationToken cancellationToken = default);
    Task<RoleListItemDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<string>> GetNamesAsync(CancellationToken cancellationToken = default);
}
