using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Identity;

/// <summary>The tenant admin's user management: list, invite, roles, (de)activation, unlock.</summary>
public sealed class UserAppService(
    IPermissionChecker permissions, IFeatureChecker features, IUserQueries queries, UserManager<AppUser> users,
    RoleManager<AppRole> roles, UserInvitationMailer invitations, ISettingStore settings, ICurrentUser currentUser,
    ICurrentTenant currentTenant, IUnitOfWork unitOfWork, TimeProvider clock) : IUserAppService
{
    public async Task<PagedResult<UserListItemDto>> GetListAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<UserListItemDto>> ExportAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, cancellationToken)).Items;
    }

    public async Task<UserDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.Users, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(AppUser), id);
    }

    public async Task<UserDetailDto> InviteAsync(InviteUserInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        await features.CheckLimitAsync(ErpFeatures.MaxUsers, await queries.CountActiveAsync(cancellationToken), cancellationToken);

        var email = input.Email.Trim();
        var userName = string.IsNullOrWhiteSpace(input.UserName) ? email : input.UserName.Trim();
        if (await queries.IsEmailTakenAsync(users.NormalizeEmail(email), cancellationToken))
        {
            throw BusinessException.ForField(nameof(InviteUserInput.Email), ErrorCodes.UserEmailTaken, email);
        }
        if (await users.FindByNameAsync(userName) is not null)
        {
            // The e-mail doubles as user name when none is given: the error belongs where the user typed it.
            var field = string.IsNullOrWhiteSpace(input.UserName) ? nameof(InviteUserInput.Email) : nameof(InviteUserInput.UserName);
            throw BusinessException.ForField(field, ErrorCodes.UserNameTaken, userName);
        }
        var roleNames = await ExistingRolesAsync(input.Roles);
        var language = await settings.GetAsync(ErpSettings.DefaultLanguage, cancellationToken);
        var timeZone = await settings.GetAsync(ErpSettings.TimeZone, cancellationToken);

        var id = await unitOfWork.InTransactionAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var user = new AppUser(currentTenant.Id, userName, email, input.DisplayName.Trim(), language, timeZone, now);
            user.MarkInvited(now);
            IdentityErrors.Check(await users.CreateAsync(user));
            if (roleNames.Count > 0) IdentityErrors.Check(await users.AddToRolesAsync(user, roleNames));
            await invitations.EnqueueAsync(user, ct);
            return user.Id;
        }, cancellationToken);
        return await queries.FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(AppUser), id);
    }

    public async Task UpdateRolesAsync(Guid id, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        var user = await LoadAsync(id);
        var wanted = await ExistingRolesAsync(roleNames);
        await unitOfWork.InTransactionAsync(async _ =>
        {
            var current = await users.GetRolesAsync(user);
            var removed = current.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
            var added = wanted.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
            if (removed.Count > 0) IdentityErrors.Check(await users.RemoveFromRolesAsync(user, removed));
            if (added.Count > 0) IdentityErrors.Check(await users.AddToRolesAsync(user, added));
            return true;
        }, cancellationToken);
    }

    public async Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        if (id == currentUser.Id) throw new BusinessException(ErrorCodes.CannotLockYourself);
        var user = await LoadAsync(id);
        if (!user.IsActive) return;
        await unitOfWork.InTransactionAsync(async _ =>
        {
            user.Deactivate();
            // A new security stamp signs the user out everywhere at the next cookie validation.
            IdentityErrors.Check(await users.UpdateSecurityStampAsync(user));
            return true;
        }, cancellationToken);
    }

    public async Task ActivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        var user = await LoadAsync(id);
        if (user.IsActive) return;
        await features.CheckLimitAsync(ErpFeatures.MaxUsers, await queries.CountActiveAsync(cancellationToken), cancellationToken);
        await unitOfWork.InTransactionAsync(async _ =>
        {
            user.Activate();
            IdentityErrors.Check(await users.UpdateAsync(user));
            return true;
        }, cancellationToken);
    }

    public async Task UnlockAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Identity.UsersManage, cancellationToken);
        var user = await LoadAsync(id);
        await unitOfWork.InTransactionAsync(async _ =>
        {
            IdentityErrors.Check(await users.SetLockoutEndDateAsync(user, null));
            IdentityErrors.Check(await users.ResetAccessFailedCountAsync(user));
            return true;
        }, cancellationToken);
    }

    private async Task<AppUser> LoadAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), id);

    private async Task<List<string>> ExistingRolesAsync(IEnumerable<string> names)
    {
        var result = new List<string>();
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = await roles.FindByNameAsync(name)
                       ?? throw BusinessException.ForField(nameof(InviteUserInput.Roles), ErrorCodes.SettingValueInvalid, nameof(InviteUserInput.Roles), name);
            result.Add(role.Name!);
        }
        return result;
    }
}
