using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Identity;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Identity;

internal sealed class UserQueries(ErpDbContext db, TimeProvider clock) : IUserQueries
{
    private static readonly SortMap<AppUser> Sorts = new SortMap<AppUser>("userName", false, u => u.Id)
        .Add("userName", u => u.UserName)
        .Add("displayName", u => u.DisplayName)
        .Add("email", u => u.Email)
        .Add("isActive", u => u.IsActive)
        .Add("createdAt", u => u.CreatedAt)
        .Add("lastSignInAt", u => u.LastSignInAt);

    public Task<PagedResult<UserListItemDto>> GetListAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.DisplayName, pattern)
                                     || EF.Functions.ILike(u.Email!, pattern));
        }
        users = query.Status switch
        {
            UserStatusFilter.Active => users.Where(u => u.IsActive && (u.InvitedAt == null || u.PasswordHash != null)),
            UserStatusFilter.Inactive => users.Where(u => !u.IsActive),
            UserStatusFilter.Invited => users.Where(u => u.InvitedAt != null && u.PasswordHash == null),
            _ => users,
        };
        var now = clock.GetUtcNow();
        return Sorts.Apply(users, query.Sort, query.Desc).ToPageAsync(query, u => new UserListItemDto(
            u.Id, u.UserName!, u.Email!, u.DisplayName, u.IsActive, u.InvitedAt != null && u.PasswordHash == null,
            u.LockoutEnd != null && u.LockoutEnd > now, u.CreatedAt, u.LastSignInAt,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()),
            cancellationToken);
    }

    public Task<UserDetailDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserDetailDto(
                u.Id, u.UserName!, u.Email!, u.DisplayName, u.Language, u.IsActive, u.InvitedAt != null && u.PasswordHash == null,
                u.LockoutEnd, u.CreatedAt, u.InvitedAt, u.LastSignInAt,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<int> CountActiveAsync(CancellationToken cancellationToken = default) =>
        db.Users.CountAsync(u => u.IsActive, cancellationToken);

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
}

internal sealed class RoleQueries(ErpDbContext db) : IRoleQueries
{
    private SortMap<AppRole> Sorts => new SortMap<AppRole>("name", false, r => r.Id)
        .Add("name", r => r.Name)
        .Add("isStatic", r => r.IsStatic)
        .Add("userCount", r => db.UserRoles.Count(ur => ur.RoleId == r.Id));

    public Task<PagedResult<RoleListItemDto>> GetListAsync(RoleListQuery query, CancellationToken cancellationToken = default)
    {
        var roles = db.Roles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            roles = roles.Where(r => EF.Functions.ILike(r.Name!, pattern) || (r.Description != null && EF.Functions.ILike(r.Description, pattern)));
        }
        return Sorts.Apply(roles, query.Sort, query.Desc).ToPageAsync(query, r => new RoleListItemDto(
            r.Id, r.Name!, r.Description, r.IsStatic, db.UserRoles.Count(ur => ur.RoleId == r.Id)), cancellationToken);
    }

    public Task<RoleListItemDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Roles.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RoleListItemDto(r.Id, r.Name!, r.Description, r.IsStatic, db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> GetNamesAsync(CancellationToken cancellationToken = default) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
}
