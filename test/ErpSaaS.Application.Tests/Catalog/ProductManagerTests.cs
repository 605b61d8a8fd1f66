using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class ProductManagerTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<(Guid Tenant, Guid Admin)> CompanyWithStarterCatalogAsync()
    {
        var tenant = await fixture.Given.Tenant("pm-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        await InCompany((tenant, admin), async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("zh-Hans");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return true;
        });
        return (tenant, admin);
    }

    private Task<T> InCompany<T>((Guid Tenant, Guid Admin) company, Func<IServiceProvider, Task<T>> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, work);

    private Task<Product> CreateAsync((Guid Tenant, Guid Admin) company, string code, ProductDetails details) =>
        InCompany(company, async sp =>
        {
            var product = await sp.GetRequiredService<ProductManager>().CreateAsync(code, details);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return product;
        });

    [Fact]
    public async Task A_new_product_gets_the_default_thirteen_percent_rate_and_known_units_only()
    {
        var acme = await CompanyWithStarterCatalogAsync();

        var product = await CreateAsync(acme, "SKU-10086", new ProductDetails { Name = "爆款A", BaseUnit = "pcs", UnitConversions = [new("BOX", 12m)] });
        var unknownUnit = await Should.ThrowAsync<BusinessException>(() =>
            CreateAsync(acme, "SKU-2", new ProductDetails { Name = "X", BaseUnit = "PCS", UnitConversions = [new("CRATE", 48m)] }));

        var rate = await InCompany(acme, sp => sp.GetRequiredService<ITaxRateRepository>().FindAsync(product.TaxRateId!.Value));
        rate!.Rate.ShouldBe(0.13m);
        rate.TaxOn(100.05m).ShouldBe(13.01m);
        (unknownUnit.Field, unknownUnit.Code).ShouldBe(("UnitConversions[0].UnitCode", CatalogErrorCodes.ProductUnitUnknown));
    }

    [Fact]
    public async Task A_barcode_belongs_to_one_product_of_a_company_but_another_company_may_print_the_same()
    {
        var acme = await CompanyWithStarterCatalogAsync();
        var globex = await CompanyWithStarterCatalogAsync();
        await CreateAsync(acme, "A-1", new ProductDetails { Name = "A", BaseUnit = "PCS", Barcodes = ["6901234567892"] });

        var taken = await Should.ThrowAsync<BusinessException>(() =>
            CreateAsync(acme, "A-2", new ProductDetails { Name = "B", BaseUnit = "PCS", Barcodes = ["6901234567892"] }));
        var elsewhere = await CreateAsync(globex, "A-2", new ProductDetails { Name = "B", BaseUnit = "PCS", Barcodes = ["6901234567892"] });

        (taken.Field, taken.Code, taken.Args[1]).ShouldBe(("Barcodes[0]", CatalogErrorCodes.ProductBarcodeTaken, (object?)"A-1"));
        elsewhere.Barcodes.Single().Code.ShouldBe("6901234567892");
    }

    [Fact]
    public async Task A_category_cannot_be_moved_under_its_own_subcategory()
    {
        var acme = await CompanyWithStarterCatalogAsync();
        var refused = await Should.ThrowAsync<BusinessException>(() => InCompany(acme, async sp =>
        {
            var categories = sp.GetRequiredService<ProductCategoryManager>();
            var electronics = await categories.CreateAsync("ELEC", "电子元器件", null);
            var resistors = await categories.CreateAsync("RES", "电阻", electronics.Id);
            await categories.MoveAsync(electronics, resistors.Id);
            return true;
        }));

        (refused.Field, refused.Code).ShouldBe(("ParentId", CatalogErrorCodes.CategoryCycle));
    }
}
