using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.TestBase;

/// <summary>Builders for tests of business partners and prices: a company with its admin, products to supply and price.</summary>
public sealed class PartnersGiven(ErpTestFixture fixture)
{
    /// <summary>A provisioned company (its default currencies included) with an admin allowed everything, and its units and VAT rates.</summary>
    public async Task<(Guid Tenant, Guid Admin)> Company(string prefix = "co")
    {
        var tenant = await fixture.Given.Tenant(prefix + "-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        await fixture.InScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("zh-Hans");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return (tenant, admin);
    }

    /// <summary>An active product in pieces with the given sale price (and standard cost).</summary>
    public Task<Guid> Product((Guid Tenant, Guid Admin) company, string code, decimal salePrice, decimal standardCost = 0m, string? name = null) =>
        fixture.InScopeAsync(company.Tenant, async sp =>
        {
            var product = await sp.GetRequiredService<ProductManager>().CreateAsync(code,
                new ProductDetails { Name = name ?? code, BaseUnit = "PCS", SalePrice = salePrice, StandardCost = standardCost });
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return product.Id;
        });

    public Task<T> As<TService, T>((Guid Tenant, Guid Admin) company, Func<TService, Task<T>> work) where TService : notnull =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<TService>()));

    public Task As<TService>((Guid Tenant, Guid Admin) company, Func<TService, Task> work) where TService : notnull =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<TService>()));
}
