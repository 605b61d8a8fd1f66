using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Tenancy;

public sealed record TenantAdminAccount(string UserName, string Email, string DisplayName, string Password, string Language);

/// <summary>
/// Gives a new tenant what it needs to work: the seeded roles with their grants, company settings, the modules'
/// default master data (<see cref="ITenantDefaultsContributor"/>) and its first admin. Runs inside the caller's
/// transaction, so a failure leaves nothing half-created.
/// </summary>
public sealed class TenantProvisioner(
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    IPermissionGrantRepository grants,
    ISettingStore settings,
    TimeProvider clock,
    IEnumerable<ITenantDefaultsContributor> defaults)
{
    public async Task<AppUser> ProvisionAsync(Tenant tenant, TenantAdminAccount admin, CancellationToken cancellationToken = default)
    {
        using (currentTenant.Change(tenant.Id))
        {
            foreach (var (roleName, permissions) in StaticRoles.TenantRoleGrants)
            {
                await EnsureRoleAsync(tenant.Id, roleName, roleName == StaticRoles.Admin, permissions);
            }
            await settings.SetAsync(ErpSettings.CompanyName, tenant.Name, cancellationToken);
            await settings.SetAsync(ErpSettings.DefaultLanguage, admin.Language, cancellationToken);
            foreach (var contributor in defaults) await contributor.ContributeAsync(tenant, admin.Language, cancellationToken);
            return await EnsureUserAsync(tenant.Id, admin, [StaticRoles.Admin]);
        }
    }

    /// <summary>
    /// Gives the company's locked Admin role every tenant permission it lacks. A company keeps the grants it was created
    /// with, so without this a permission added later (a new module's) would never reach its admins; the other roles
    /// are the admins' to change and are left alone.
    /// </summary>
    public async Task GrantAdminEveryPermissionAsync(Guid tenantId)
    {
        using (currentTenant.Change(tenantId))
        {
            await EnsureRoleAsync(tenantId, StaticRoles.Admin, isStatic: true, StaticRoles.TenantRoleGrants[StaticRoles.Admin]);
        }
    }

    /// <summary>The platform operator's role and first user (host side, no tenant).</summary>
    public async Task ProvisionHostAsync(TenantAdminAccount operatorAccount)
    {
        using (currentTenant.Change(null))
        {
            await EnsureRoleAsync(null, StaticRoles.Operator, isStatic: true, StaticRoles.HostRoleGrants);
            await EnsureUserAsync(null, operatorAccount, [StaticRoles.Operator]);
        }
    }

    public async Task<AppUser> EnsureUserAsync(Guid? tenantId, TenantAdminAccount account, IReadOnlyList<string> roleNames)
    {
        var user = await users.FindByNameAsync(account.UserName);
        if (user is null)
        {
            user = new AppUser(tenantId, account.UserName, account.Email, account.DisplayName, account.Language, "Asia/Shanghai", clock.GetUtcNow());
            Check(await users.CreateAsync(user, account.Password));
            await users.SetEmailAsync(user, account.Email);
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }
        foreach (var role in roleNames)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }
        return user;
    }

    private async Task EnsureRoleAsync(Guid? tenantId, string name, bool isStatic, IReadOnlyList<string> permissions)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new AppRole(tenantId, name, isStatic: isStatic);
            Check(await roles.CreateAsync(role));
        }
        var existing = (await grants.GetForAsync(PermissionGrantee.Role, role.Id)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var permission in permissions.Where(p => !existing.Contains(p)))
        {
            grants.Add(new PermissionGrant(PermissionGrantee.Role, role.Id, permission));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Provisioning failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
