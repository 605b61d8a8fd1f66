using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Signup;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class WarehouseTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<(Guid Tenant, Guid Admin)> CompanyAsync(string plan = PlanCodes.Professional)
    {
        var tenant = await fixture.Given.Tenant("wh-" + Tag(), plan);
        return (tenant, await fixture.Given.User(tenant, "admin", StaticRoles.Admin));
    }

    private Task<T> As<T>((Guid Tenant, Guid Admin) company, Func<IWarehouseAppService, Task<T>> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<IWarehouseAppService>()));

    private static WarehouseInput Input(string code, string name = "Warehouse") => new() { Code = code, Name = name };

    [Fact]
    public async Task A_warehouse_code_is_unique_in_a_company_but_another_company_may_use_it()
    {
        var acme = await CompanyAsync();
        var globex = await CompanyAsync();
        await As(acme, w => w.CreateAsync(Input("wh-a", "Shanghai")));

        var refused = await Should.ThrowAsync<BusinessException>(() => As(acme, w => w.CreateAsync(Input(" WH-A "))));
        var other = await As(globex, w => w.CreateAsync(Input("WH-A", "Beijing")));

        (refused.Field, refused.Code).ShouldBe(("Code", CatalogErrorCodes.WarehouseCodeTaken));
        (await As(globex, w => w.GetAsync(other))).Code.ShouldBe("WH-A");
        (await As(acme, w => w.GetListAsync(new WarehouseListQuery()))).Items.Select(i => i.Code).ShouldBe(["WH-A"]);
    }

    [Fact]
    public async Task A_code_outside_the_allowed_characters_is_refused_next_to_the_field()
    {
        var acme = await CompanyAsync();

        var refused = await Should.ThrowAsync<BusinessException>(() => As(acme, w => w.CreateAsync(Input("仓库 1"))));

        (refused.Field, refused.Code).ShouldBe(("Code", CatalogErrorCodes.WarehouseCodeInvalid));
    }

    [Fact]
    public async Task A_starter_company_cannot_create_a_second_warehouse_and_is_told_what_to_reduce()
    {
        var small = await CompanyAsync(PlanCodes.Starter);
        await As(small, w => w.CreateAsync(Input("WH01")));

        var refused = await Should.ThrowAsync<BusinessException>(() => As(small, w => w.CreateAsync(Input("WH02"))));

        refused.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
        refused.Args.ShouldBe([ErpFeatures.MaxWarehouses, 1, 1]);
        (await As(small, w => w.GetListAsync(new WarehouseListQuery()))).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_professional_company_creates_several_warehouses()
    {
        var big = await CompanyAsync();

        await As(big, w => w.CreateAsync(Input("WH01")));
        await As(big, w => w.CreateAsync(Input("WH02")));
        await As(big, w => w.CreateAsync(new WarehouseInput { Code = "QC", Name = "待检仓", IsQuarantine = true }));

        var list = await As(big, w => w.GetListAsync(new WarehouseListQuery { Sort = "code" }));
        list.Items.Select(i => (i.Code, i.IsQuarantine)).ShouldBe([("QC", true), ("WH01", false), ("WH02", false)]);
    }

    [Fact]
    public async Task The_default_warehouse_cannot_be_deactivated_but_another_one_can_and_comes_back()
    {
        var signup = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>()
            .SignUpAsync(ErpSaaS.Application.Tests.Signup.SignupTests.Input("whdef-" + Tag(), sample: false)));
        var company = (signup.TenantId, signup.AdminUserId);
        var main = (await As(company, w => w.GetListAsync(new WarehouseListQuery()))).Items.Single();

        var refused = await Should.ThrowAsync<BusinessException>(() => As(company, async w => { await w.DeactivateAsync(main.Id); return 0; }));

        refused.Code.ShouldBe(CatalogErrorCodes.DefaultWarehouseCannotBeDeactivated);
        (await As(company, w => w.GetAsync(main.Id))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_up_creates_the_default_warehouse_named_in_the_admins_language()
    {
        var input = ErpSaaS.Application.Tests.Signup.SignupTests.Input("whsign-" + Tag(), sample: false);
        input.Language = "en";

        var signup = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(input));

        var warehouses = await fixture.InScopeAsync(signup.TenantId, sp => sp.GetRequiredService<ErpDbContext>().Warehouses.ToListAsync());
        warehouses.Select(w => (w.Code, w.Name, w.IsDefault, w.IsActive, w.TenantId)).ShouldBe([("WH01", "Main warehouse", true, true, (Guid?)signup.TenantId)]);
    }

    [Fact]
    public async Task Deactivating_frees_room_for_another_warehouse_and_reactivating_is_limited_again()
    {
        var small = await CompanyAsync(PlanCodes.Starter);
        var first = await As(small, w => w.CreateAsync(Input("WH01")));
        await As(small, async w => { await w.DeactivateAsync(first); return 0; });
        await As(small, w => w.CreateAsync(Input("WH02")));

        var refused = await Should.ThrowAsync<BusinessException>(() => As(small, async w => { await w.ActivateAsync(first); return 0; }));

        refused.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
    }

    [Fact]
    public async Task The_billing_overview_shows_active_warehouses_against_the_plans_limit()
    {
        var small = await CompanyAsync(PlanCodes.Starter);
        await As(small, w => w.CreateAsync(Input("WH01")));

        var overview = await fixture.AsUserAsync(small.Tenant, small.Admin, sp => sp.GetRequiredService<IBillingAppService>().GetOverviewAsync());

        overview.Usage.Single(u => u.TextKey == "Billing:Usage:Warehouses").ShouldBe(new UsageRowDto("Billing:Usage:Warehouses", 1, 1));
    }

    [Fact]
    public async Task A_user_without_the_catalog_permission_cannot_list_warehouses()
    {
        var acme = await CompanyAsync();
        var outsider = await fixture.Given.User(acme.Tenant, "outsider", StaticRoles.Viewer);
        await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>();
            var user = (await users.FindByIdAsync(outsider.ToString()))!;
            (await users.RemoveFromRoleAsync(user, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
            return 0;
        });

        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(acme.Tenant, outsider, sp => sp.GetRequiredService<IWarehouseAppService>().GetListAsync(new WarehouseListQuery())));
    }
}
