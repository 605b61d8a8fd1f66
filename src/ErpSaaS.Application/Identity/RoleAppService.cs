using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Identity;

/// <summary>The tenant admin's roles: list, create, rename, delete, and the permission matrix of roles and users.</summary>
public sealed class RoleAppService(
    IPermissionChecker permissions, IRoleQueries queries, RoleManager<AppRole> roles, UserManager<AppUser> users,
    IPermissionGrantRepository grants, PermissionMatrixBuilder matrix, ICurrentTenant currentTenant, IUnitOfWork unitOfWork) : IRoleAppService
{
    public async Task<PagedResult<RoleListItemDto>> GetListAsync(RoleListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Roles, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<RoleListItemDto>> ExportAsync(RoleListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Roles, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<RoleListItemDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Roles, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(AppRole), id);
    }

    public async Task<IReadOnlyList<string>> GetNamesAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        return await queries.GetNamesAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(RoleInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.RolesManage, cancellationToken);
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(name, null);
        return await unitOfWork.InTransactionAsync(async _ =>
        {
            var role = new AppRole(currentTenant.Id, name, input.Description);
            IdentityErrors.Check(await roles.CreateAsync(role));
            return role.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, RoleInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.RolesManage, cancellationToken);
        var role = await LoadAsync(id);
        var name = input.Name.Trim();
        var renamed = !string.Equals(name, role.Name, StringComparison.Ordinal);
        if (renamed && role.IsStatic) throw BusinessException.ForField(nameof(RoleInput.Name), ErrorCodes.RoleIsStatic, role.Name);
        if (renamed) await EnsureNameFreeAsync(name, role.Id);
        await unitOfWork.InTransactionAsync(async _ =>
        {
            if (renamed) IdentityErrors.Check(await roles.SetRoleNameAsync(role, name));
            role.Describe(input.Description);
            IdentityErrors.Check(await roles.UpdateAsync(role));
            return true;
        }, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.RolesManage, cancellationToken);
        var role = await LoadAsync(id);
        if (role.IsStatic) throw new BusinessException(ErrorCodes.RoleIsStatic, role.Name);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            foreach (var grant in await grants.GetForAsync(PermissionGrantee.Role, role.Id, ct)) grants.Remove(grant);
            IdentityErrors.Check(await roles.DeleteAsync(role));
            return true;
        }, cancellationToken);
    }

    public async Task<PermissionMatrixDto> GetPermissionsAsync(Guid roleId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Roles, cancellationToken);
        var role = await LoadAsync(roleId);
        var held = await GrantedAsync(PermissionGrantee.Role, role.Id, cancellationToken);
        return new PermissionMatrixDto(role.Id, role.Name!, IsLockedAdmin(role),
            await matrix.BuildAsync(held, new HashSet<string>(), cancellationToken));
    }

    public async Task SetPermissionsAsync(Guid roleId, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.RolesManage, cancellationToken);
        var role = await LoadAsync(roleId);
        // The seeded Admin role always holds every tenant permission, so no admin can lock the tenant out.
        if (IsLockedAdmin(role)) throw new BusinessException(ErrorCodes.RoleIsStatic, role.Name);
        await ReplaceGrantsAsync(PermissionGrantee.Role, role.Id, granted, cancellationToken);
    }

    public async Task<PermissionMatrixDto> GetUserPermissionsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), userId);
        var direct = await GrantedAsync(PermissionGrantee.User, user.Id, cancellationToken);
        var roleIds = (await grants.GetRoleIdsOfUserAsync(user.Id, cancellationToken)).ToHashSet();
        var inherited = (await grants.GetAllAsync(cancellationToken))
            .Where(g => g.Grantee == PermissionGrantee.Role && roleIds.Contains(g.GranteeId))
            .Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        return new PermissionMatrixDto(user.Id, user.DisplayName, false, await matrix.BuildAsync(direct, inherited, cancellationToken));
    }

    public async Task SetUserPermissionsAsync(Guid userId, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), userId);
        await ReplaceGrantsAsync(PermissionGrantee.User, user.Id, granted, cancellationToken);
    }

    private async Task ReplaceGrantsAsync(PermissionGrantee grantee, Guid granteeId, IReadOnlyCollection<string> requested, CancellationToken cancellationToken)
    {
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var existing = await grants.GetForAsync(grantee, granteeId, ct);
            var wanted = await matrix.ResolveAsync(requested, existing.Select(g => g.Name).ToHashSet(StringComparer.Ordinal), ct);
            foreach (var grant in existing.Where(g => !wanted.Contains(g.Name))) grants.Remove(grant);
            foreach (var name in wanted.Where(n => existing.All(g => g.Name != n))) grants.Add(new PermissionGrant(grantee, granteeId, name));
            return true;
        }, cancellationToken);
    }

    private async Task<IReadOnlySet<string>> GrantedAsync(PermissionGrantee grantee, Guid id, CancellationToken cancellationToken) =>
        (await grants.GetForAsync(grantee, id, cancellationToken)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);

    private static bool IsLockedAdmin(AppRole role) => role.IsStatic && role.Name == StaticRoles.Admin;

    private async Task<AppRole> LoadAsync(Guid id) =>
        await roles.FindByIdAsync(id.ToString()) ?? throw new EntityNotFoundException(nameof(AppRole), id);

    private async Task EnsureNameFreeAsync(string name, Guid? self)
    {
        if (await roles.FindByNameAsync(name) is { } other && other.Id != self)
        {
            throw BusinessException.ForField(nameof(RoleInput.Name), ErrorCodes.RoleNameTaken, name);
        }
    }
}
