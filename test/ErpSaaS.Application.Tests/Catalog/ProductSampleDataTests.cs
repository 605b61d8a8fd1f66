using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class ProductSampleDataTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SignupResult> SignUpAsync(string language, bool sample)
    {
        var input = ErpSaaS.Application.Tests.Signup.SignupTests.Input("ps-" + ProductCatalogTestData.Tag(), sample: sample);
        input.Language = language;
        return await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(input));
    }

    private Task<T> AsAdmin<T>(Guid tenant, Guid admin, Func<IProductAppService, Task<T>> work) =>
        fixture.AsUserAsync(tenant, admin, sp => work(sp.GetRequiredService<IProductAppService>()));

    [Fact]
    public async Task A_company_signing_up_in_english_with_sample_data_gets_a_small_english_catalog()
    {
        var signup = await SignUpAsync("en", sample: true);

        var products = await AsAdmin(signup.TenantId, signup.AdminUserId, p => p.ExportAsync(new ProductListQuery()));
        var tree = await fixture.AsUserAsync(signup.TenantId, signup.AdminUserId, sp => sp.GetRequiredService<IProductCategoryAppService>().GetTreeAsync());

        products.Count.ShouldBe(8);
        tree.Select(c => (c.Name, c.Depth)).ShouldBe([("Finished goods", 0), ("Raw materials", 0), ("Electronic parts", 1), ("Hardware", 1), ("Services", 0)]);
        var lamp = products.Single(p => p.Code == "SKU-2006");
        (lamp.Name, lamp.Type, lamp.CategoryName, lamp.TaxRateCode).ShouldBe(("Smart desk lamp", ProductType.Finished, "Finished goods", "VAT13"));
        lamp.UnitConversions.ShouldBe([new UnitConversionDto("BOX", 4m)]);
        products.Single(p => p.Type == ProductType.Service).TaxRateCode.ShouldBe("VAT6");
        products.Where(p => p.IsBatchTracked).Select(p => (p.Name, p.ShelfLifeDays)).ShouldBe([("Epoxy adhesive", (int?)365)]);
    }

    [Fact]
    public async Task A_company_signing_up_in_chinese_gets_the_catalog_in_chinese_and_without_sample_data_none()
    {
        var chinese = await SignUpAsync("zh-Hans", sample: true);
        var empty = await SignUpAsync("zh-Hans", sample: false);

        var lamp = (await AsAdmin(chinese.TenantId, chinese.AdminUserId, p => p.GetListAsync(new ProductListQuery { Search = "6921234501207" }))).Items.Single();
        var none = await AsAdmin(empty.TenantId, empty.AdminUserId, p => p.GetListAsync(new ProductListQuery { Status = ProductStatusFilter.All }));
        var units = await fixture.AsUserAsync(empty.TenantId, empty.AdminUserId, sp => sp.GetRequiredService<IUnitOfMeasureAppService>().GetListAsync());

        (lamp.Name, lamp.CategoryName).ShouldBe(("智能台灯", "成品"));
        none.TotalCount.ShouldBe(0);
        units.Select(u => u.Code).ShouldContain("BOX");
    }

    /// <summary>The demo company (seeded once per fixture: the seeder leaves an existing one alone) and its admin.</summary>
    private async Task<(Guid Tenant, Guid Admin)> DemoAsync()
    {
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DemoTenantSeeder>(scope.ServiceProvider).SeedAsync();
        }
        return await fixture.InScopeAsync(null, async sp =>
        {
            var demo = (await sp.GetRequiredService<ITenantRepository>().FindBySlugAsync(DemoTenantSeeder.Slug))!;
            return await fixture.InScopeAsync(demo.Id, async tenantScope =>
            {
                var users = tenantScope.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>();
                return (demo.Id, (await users.FindByNameAsync(DemoTenantSeeder.AdminUserName))!.Id);
            });
        });
    }

    [Fact]
    public async Task The_demo_company_opens_with_customers_suppliers_and_posted_stock_some_of_it_wanting_attention()
    {
        var (tenant, admin) = await DemoAsync();

        var (stock, wh02, alerts, suggestions, customers, suppliers) = await fixture.AsUserAsync(tenant, admin, async sp =>
        {
            var inquiry = sp.GetRequiredService<IStockInquiryAppService>();
            var wh02Id = (await inquiry.GetFilterOptionsAsync()).Warehouses.Single(w => w.Code == "WH02").Id;
            return (await inquiry.GetOnHandAsync(new StockOnHandQuery { PageSize = 100 }),
                await inquiry.GetOnHandAsync(new StockOnHandQuery { WarehouseId = wh02Id }),
                await sp.GetRequiredService<IStockAlertAppService>().ExportAsync(new StockAlertListQuery()),
                await sp.GetRequiredService<IReplenishmentSuggestions>().ExportAsync(new ReplenishmentQuery()),
                await sp.GetRequiredService<ICustomerAppService>().GetListAsync(new CustomerListQuery()),
                await sp.GetRequiredService<ISupplierAppService>().GetListAsync(new SupplierListQuery()));
        });

        stock.Page.Items.Select(r => r.ProductCode).Distinct().Count().ShouldBe(19);
        stock.Page.Items.Where(r => r.ProductCode == "SKU-10096").Select(r => (r.BatchNumber, r.OnHand)).ShouldBe([("LB2509", 150m), ("LB2606", 200m)]);
        stock.Totals.Value.ShouldBe(stock.Page.Items.Sum(r => r.Value));
        stock.Totals.Value.ShouldBeGreaterThan(0m);
        wh02.Page.Items.Select(r => (r.ProductCode, r.OnHand)).ShouldBe([("SKU-10089", 600m), ("SKU-10092", 500m)]);
        alerts.Where(a => a.Kind == StockAlertKind.BelowSafetyStock).Select(a => a.ProductCode).ShouldBe(["SKU-10088", "SKU-10095"], ignoreOrder: true);
        alerts.Where(a => a.Kind == StockAlertKind.ExpiringBatch).Select(a => a.BatchNumber).ShouldBe(["FX2512"]);
        suggestions.Select(s => s.ProductCode).ShouldContain("SKU-10087");
        customers.TotalCount.ShouldBeGreaterThanOrEqualTo(3);
        suppliers.TotalCount.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_demo_company_has_an_electronics_catalog_stocked_in_its_main_warehouse()
    {
        var (tenant, admin) = await DemoAsync();

        var products = await AsAdmin(tenant, admin, p => p.ExportAsync(new ProductListQuery()));
        var resistors = await AsAdmin(tenant, admin, p => p.GetListAsync(new ProductListQuery { Search = "电阻" }));

        products.Count.ShouldBeInRange(18, 24);
        products.Where(p => p.IsStocked()).ShouldAllBe(p => p.DefaultWarehouseCode == "WH01");
        products.Where(p => p.IsBatchTracked).ShouldAllBe(p => p.ShelfLifeDays > 0);
        products.Count(p => p.IsBatchTracked).ShouldBeGreaterThanOrEqualTo(3);
        products.Count(p => p.Type == ProductType.Service).ShouldBeGreaterThanOrEqualTo(1);
        products.Single(p => p.Code == "SKU-10086").ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("贴片电阻 10kΩ"),
            p => p.UnitConversions.ShouldBe([new UnitConversionDto("BOX", 5000m)]),
            p => p.Barcodes.ShouldBe(["6921234501016"]));
        resistors.Items.Select(i => i.CategoryName).Distinct().ShouldBe(["电阻"]);
    }
}

internal static class ProductDtoExtensions
{
    public static bool IsStocked(this ProductDto product) => product.Type != ProductType.Service;
}
