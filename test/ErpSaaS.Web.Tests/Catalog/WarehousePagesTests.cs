using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class WarehousePagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("whp-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        await factory.Data.AsUserAsync(_acme, _admin, async sp =>
        {
            var warehouses = sp.GetRequiredService<IWarehouseAppService>();
            await warehouses.CreateAsync(new WarehouseInput { Code = "WH01", Name = "主仓库" });
            await warehouses.CreateAsync(new WarehouseInput { Code = "QC", Name = "待检仓", IsQuarantine = true });
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_admin_sees_the_warehouses_sorted_by_code_with_export_and_create_beside_the_title()
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(_acme, _admin).GetAsync("/app/catalog/warehouses"));

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T("Catalog:Warehouses")]);
        page.QuerySelectorAll("#warehouses tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["QC", "WH01"]);
        page.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        page.QuerySelector(".page-header a[href='/app/catalog/warehouses/create']")!.TextContent.ShouldBe(T("Catalog:CreateWarehouse"));
        page.QuerySelectorAll("#breadcrumbs li")[1].TextContent.Trim().ShouldBe(T("Menu:Group:Catalog"));
    }

    [Fact]
    public async Task The_export_downloads_the_filtered_warehouses_as_csv()
    {
        var response = await factory.ClientFor(_acme, _admin).GetAsync("/app/catalog/warehouses?handler=Export&Search=QC");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = await response.Content.ReadAsStringAsync();
        csv.ShouldContain("待检仓");
        csv.ShouldNotContain("主仓库");
    }

    [Fact]
    public async Task The_create_and_edit_pages_open_for_an_admin()
    {
        var client = factory.ClientFor(_acme, _admin);
        var list = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/catalog/warehouses"));
        var editUrl = list.QuerySelector("#warehouses tbody a")!.GetAttribute("href")!;

        (await client.GetAsync("/app/catalog/warehouses/create")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = await AdminPagesFactory.HtmlAsync(await client.GetAsync(editUrl));

        edit.QuerySelector("#warehouse-form input[name='Input.Code']")!.HasAttribute("readonly").ShouldBeTrue();
        edit.QuerySelector("#warehouse-form input[name='__RequestVerificationToken']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_user_without_the_catalog_permission_is_forbidden_the_warehouses_and_does_not_see_the_menu_item()
    {
        var outsider = await factory.Data.Given.User(_acme, "outsider-" + Guid.NewGuid().ToString("N")[..4]);
        await factory.Data.InScopeAsync(_acme, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(outsider.ToString()))!, StaticRoles.Viewer)).Succeeded.ShouldBeTrue();
        });
        var client = factory.ClientFor(_acme, outsider);

        (await client.GetAsync("/app/catalog/warehouses")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var home = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/"));
        home.QuerySelector("a[href='/app/catalog/warehouses']").ShouldBeNull();
        var adminHome = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(_acme, _admin).GetAsync("/"));
        adminHome.QuerySelector("a[href='/app/catalog/warehouses']").ShouldNotBeNull();
    }
}
