using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Identity;

public sealed class RoleManagementTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;

    public async Task InitializeAsync()
    {
        _acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await fixture.Given.User(_acme, "admin", StaticRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsAdmin<T>(Func<IRoleAppService, Task<T>> work) =>
        fixture.AsUserAsync(_acme, _admin, sp => work(sp.GetRequiredService<IRoleAppService>()));

    private Task AsAdmin(Func<IRoleAppService, Task> work) =>
        fixture.AsUserAsync(_acme, _admin, sp => work(sp.GetRequiredService<IRoleAppService>()));

    private Task<Guid> RoleId(string name) =>
        AsAdmin(async roles => (await roles.GetListAsync(new RoleListQuery { Search = name })).Items.Single(r => r.Name == name).Id);

    [Fact]
    public async Task Role_names_are_unique_within_a_tenant_but_may_repeat_in_another()
    {
        await AsAdmin(roles => roles.CreateAsync(new RoleInput { Name = "Auditor" }));
        var globex = await fixture.Given.Tenant("globex-" + Guid.NewGuid().ToString("N")[..6]);
        var globexAdmin = await fixture.Given.User(globex, "admin", StaticRoles.Admin);

        var duplicate = await Should.ThrowAsync<BusinessException>(() => AsAdmin(roles => roles.CreateAsync(new RoleInput { Name = "auditor" })));
        var elsewhere = await fixture.AsUserAsync(globex, globexAdmin, sp => sp.GetRequiredService<IRoleAppService>().CreateAsync(new RoleInput { Name = "Auditor" }));

        duplicate.Code.ShouldBe(ErrorCodes.RoleNameTaken);
        duplicate.Field.ShouldBe(nameof(RoleInput.Name));
        elsewhere.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task The_static_admin_role_cannot_be_renamed_or_deleted_but_can_be_described()
    {
        var adminRole = await RoleId(StaticRoles.Admin);

        var rename = await Should.ThrowAsync<BusinessException>(() => AsAdmin(r => r.UpdateAsync(adminRole, new RoleInput { Name = "Bosses" })));
        (await Should.ThrowAsync<BusinessException>(() => AsAdmin(r => r.DeleteAsync(adminRole)))).Code.ShouldBe(ErrorCodes.RoleIsStatic);
        await AsAdmin(r => r.UpdateAsync(adminRole, new RoleInput { Name = StaticRoles.Admin, Description = "Runs the place" }));

        (rename.Code, rename.Field).ShouldBe((ErrorCodes.RoleIsStatic, nameof(RoleInput.Name)));
        var role = await AsAdmin(r => r.GetAsync(adminRole));
        (role.Name, role.Description, role.IsStatic).ShouldBe((StaticRoles.Admin, "Runs the place", true));
    }

    [Fact]
    public async Task A_custom_role_can_be_renamed_and_deleted_with_its_grants()
    {
        var id = await AsAdmin(r => r.CreateAsync(new RoleInput { Name = "Temp" }));
        await AsAdmin(r => r.SetPermissionsAsync(id, [ErpPermissions.Identity.Users]));

        await AsAdmin(r => r.UpdateAsync(id, new RoleInput { Name = "Temporary" }));
        (await AsAdmin(r => r.GetAsync(id))).Name.ShouldBe("Temporary");
        await AsAdmin(r => r.DeleteAsync(id));

        await Should.ThrowAsync<EntityNotFoundException>(() => AsAdmin(r => r.GetAsync(id)));
        var leftovers = await fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<IPermissionGrantRepository>().GetForAsync(PermissionGrantee.Role, id));
        leftovers.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_role_list_counts_users_per_role()
    {
        await fixture.Given.User(_acme, "count-a", StaticRoles.Accountant);
        await fixture.Given.User(_acme, "count-b", StaticRoles.Accountant);

        var list = await AsAdmin(r => r.GetListAsync(new RoleListQuery { Sort = "userCount", Desc = true }));

        list.Items.Single(r => r.Name == StaticRoles.Accountant).UserCount.ShouldBe(2);
        list.Items.Single(r => r.Name == StaticRoles.Admin).UserCount.ShouldBe(1);
        list.Items[0].UserCount.ShouldBeGreaterThanOrEqualTo(list.Items[^1].UserCount);
    }

    [Fact]
    public async Task A_viewer_cannot_read_or_change_roles()
    {
        var viewer = await fixture.Given.User(_acme, "viewer-" + Guid.NewGuid().ToString("N")[..6]);
        Task Act(Func<IRoleAppService, Task> work) => fixture.AsUserAsync(_acme, viewer, sp => work(sp.GetRequiredService<IRoleAppService>()));

        await Should.ThrowAsync<AuthorizationException>(() => Act(r => r.GetListAsync(new RoleListQuery())));
        await Should.ThrowAsync<AuthorizationException>(() => Act(r => r.CreateAsync(new RoleInput { Name = "Mine" })));
        await Should.ThrowAsync<AuthorizationException>(() => Act(r => r.SetUserPermissionsAsync(viewer, [ErpPermissions.Identity.Users])));
    }

    [Fact]
    public async Task Granting_and_revoking_a_permission_on_a_role_takes_effect_at_once()
    {
        var viewer = await fixture.Given.User(_acme, "grantee-" + Guid.NewGuid().ToString("N")[..6]);
        var viewerRole = await RoleId(StaticRoles.Viewer);
        Task<bool> Granted() => fixture.AsUserAsync(_acme, viewer, sp => sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(ErpPermissions.Identity.Users));
        (await Granted()).ShouldBeFalse();

        await AsAdmin(r => r.SetPermissionsAsync(viewerRole, [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Identity.Users]));
        (await Granted()).ShouldBeTrue();
        await AsAdmin(r => r.SetPermissionsAsync(viewerRole, [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory]));
        (await Granted()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_matrix_nests_children_under_parents_and_a_child_without_its_parent_is_not_stored()
    {
        var id = await AsAdmin(r => r.CreateAsync(new RoleInput { Name = "Half" }));

        await AsAdmin(r => r.SetPermissionsAsync(id, [ErpPermissions.Identity.UsersManage, ErpPermissions.Settings.View, ErpPermissions.Settings.Manage]));
        var matrix = await AsAdmin(r => r.GetPermissionsAsync(id));

        var identity = matrix.Groups.Single(g => g.Name == ErpPermissions.Identity.Group).Permissions;
        identity.Select(p => (p.Name, p.Depth)).ShouldBe([
            (ErpPermissions.Identity.Users, 0), (ErpPermissions.Identity.UsersManage, 1),
            (ErpPermissions.Identity.Roles, 0), (ErpPermissions.Identity.RolesManage, 1)]);
        identity.ShouldAllBe(p => !p.IsGranted);
        matrix.Groups.Single(g => g.Name == ErpPermissions.Settings.Group).Permissions.ShouldAllBe(p => p.IsGranted);
        matrix.Groups.SelectMany(g => g.Permissions).ShouldNotContain(p => p.Name.StartsWith("Host.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admin_roles_grants_are_read_only()
    {
        var adminRole = await RoleId(StaticRoles.Admin);

        (await AsAdmin(r => r.GetPermissionsAsync(adminRole))).IsReadOnly.ShouldBeTrue();
        (await Should.ThrowAsync<BusinessException>(() => AsAdmin(r => r.SetPermissionsAsync(adminRole, [])))).Code.ShouldBe(ErrorCodes.RoleIsStatic);
    }

    [Fact]
    public async Task Permissions_whose_feature_the_plan_lacks_are_shown_unavailable_and_cannot_be_newly_granted()
    {
        var operatorId = await fixture.Given.Operator();
        await fixture.AsUserAsync(null, operatorId, sp => sp.GetRequiredService<ErpSaaS.Tenancy.ITenantAdminAppService>()
            .SetFeatureOverrideAsync(_acme, ErpFeatures.Trading, "false"));
        var purchaserRole = await RoleId(StaticRoles.Purchaser);
        var id = await AsAdmin(r => r.CreateAsync(new RoleInput { Name = "Catalogers" }));

        var matrix = await AsAdmin(r => r.GetPermissionsAsync(purchaserRole));
        var refused = await Should.ThrowAsync<BusinessException>(() => AsAdmin(r => r.SetPermissionsAsync(id, [ErpPermissions.Trading.Catalog])));
        await AsAdmin(r => r.SetPermissionsAsync(purchaserRole, [ErpPermissions.Identity.Users]));
        var kept = await AsAdmin(r => r.GetPermissionsAsync(purchaserRole));

        var catalog = matrix.Groups.SelectMany(g => g.Permissions).Single(p => p.Name == ErpPermissions.Trading.Catalog);
        catalog.IsAvailable.ShouldBeFalse();
        catalog.RequiredFeature.ShouldBe(ErpFeatures.Trading);
        refused.Code.ShouldBe(ErrorCodes.FeatureNotEnabled);
        // The form cannot post a disabled checkbox: grants the plan switched off are kept for when it comes back.
        kept.Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name).ShouldBe(
            [ErpPermissions.Identity.Users, ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Trading.Purchasing,
                ErpPermissions.Analytics.ExceptionsView], ignoreOrder: true);
    }

    [Fact]
    public async Task A_user_may_hold_extra_permissions_beyond_their_roles()
    {
        var buyer = await fixture.Given.User(_acme, "buyer-" + Guid.NewGuid().ToString("N")[..6], StaticRoles.Purchaser);

        await AsAdmin(r => r.SetUserPermissionsAsync(buyer, [ErpPermissions.Settings.View]));
        var matrix = await AsAdmin(r => r.GetUserPermissionsAsync(buyer));
        var granted = await fixture.AsUserAsync(_acme, buyer, sp => sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(ErpPermissions.Settings.View));

        granted.ShouldBeTrue();
        var items = matrix.Groups.SelectMany(g => g.Permissions).ToDictionary(p => p.Name);
        items[ErpPermissions.Settings.View].IsGranted.ShouldBeTrue();
        items[ErpPermissions.Trading.Purchasing].IsInherited.ShouldBeTrue();
        items[ErpPermissions.Trading.Purchasing].IsGranted.ShouldBeFalse();
    }
}
