using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Tenancy;

/// <summary>A company created before a module existed: its admins get the new module's permissions at the next migration.</summary>
public sealed class AdminPermissionsSeederTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task The_admin_role_gets_permissions_added_since_the_company_was_created_and_other_roles_stay_as_their_admins_left_them()
    {
        var acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        await RevokeAsync(acme, StaticRoles.Admin, ErpPermissions.Billing.Manage);
        await RevokeAsync(acme, StaticRoles.Purchaser, ErpPermissions.Trading.Inventory);

        await fixture.InScopeAsync(null, sp => sp.GetServices<IDataSeeder>().OfType<AdminPermissionsSeeder>().Single().SeedAsync());

        (await GrantsAsync(acme, StaticRoles.Admin)).ShouldBe(StaticRoles.TenantRoleGrants[StaticRoles.Admin], ignoreOrder: true);
        (await GrantsAsync(acme, StaticRoles.Purchaser)).ShouldNotContain(ErpPermissions.Trading.Inventory);
    }

    private Task RevokeAsync(Guid tenantId, string roleName, string permission) =>
        fixture.InScopeAsync(tenantId, async sp =>
        {
            var role = await sp.GetRequiredService<RoleManager<AppRole>>().FindByNameAsync(roleName) ?? throw new InvalidOperationException(roleName);
            var grants = sp.GetRequiredService<IPermissionGrantRepository>();
            grants.Remove((await grants.GetForAsync(PermissionGrantee.Role, role.Id)).Single(g => g.Name == permission));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

    private Task<List<string>> GrantsAsync(Guid tenantId, string roleName) =>
        fixture.InScopeAsync(tenantId, async sp =>
        {
            var role = await sp.GetRequiredService<RoleManager<AppRole>>().FindByNameAsync(roleName) ?? throw new InvalidOperationException(roleName);
            return (await sp.GetRequiredService<IPermissionGrantRepository>().GetForAsync(PermissionGrantee.Role, role.Id)).Select(g => g.Name).ToList();
        });
}
