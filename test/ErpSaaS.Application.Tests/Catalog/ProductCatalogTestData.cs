using System.Collections.Concurrent;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Catalog;

/// <summary>A company as a product test needs it: its admin, and the units and tax rates every new company starts with.</summary>
public sealed record CatalogCompany(Guid Tenant, Guid Admin);

/// <summary>Stands in for the modules that will use products (stock ledger, orders): a test marks the products they use.</summary>
public sealed class MarkedProductUsage : IProductUsage
{
    private readonly ConcurrentDictionary<Guid, bool> _used = new();

    public void MarkUsed(Guid productId) => _used[productId] = true;

    public Task<bool> IsUsedAsync(Guid productId, CancellationToken cancellationToken = default) => Task.FromResult(_used.ContainsKey(productId));
}

/// <summary>The test database with <see cref="MarkedProductUsage"/> as one of the product usages.</summary>
public sealed class ProductCatalogFixture : ErpTestFixture
{
    public MarkedProductUsage Usage { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IProductUsage>(Usage);
}

public static class ProductCatalogTestData
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    public static async Task<CatalogCompany> CompanyAsync(this ErpTestFixture fixture, string plan = ErpSaaS.Features.PlanCodes.Professional, string language = "zh-Hans")
    {
        var tenant = await fixture.Given.Tenant("pc-" + Tag(), plan);
        var company = new CatalogCompany(tenant, await fixture.Given.User(tenant, "admin", StaticRoles.Admin));
        await fixture.AsUserAsync(tenant, company.Admin, async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync(language);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        return company;
    }

    public static Task<T> As<T>(this ErpTestFixture fixture, CatalogCompany company, Func<IServiceProvider, Task<T>> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, work);

    public static Task<T> Products<T>(this ErpTestFixture fixture, CatalogCompany company, Func<IProductAppService, Task<T>> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<IProductAppService>()));

    public static Task Products(this ErpTestFixture fixture, CatalogCompany company, Func<IProductAppService, Task> work) =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<IProductAppService>()));

    public static Task<Guid> CategoryAsync(this ErpTestFixture fixture, CatalogCompany company, string code, string name, Guid? parent = null) =>
        fixture.As(company, sp => sp.GetRequiredService<IProductCategoryAppService>().CreateAsync(new ProductCategoryInput { Code = code, Name = name, ParentId = parent }));

    public static ProductInput Product(string code, string name = "贴片电阻 10kΩ", string baseUnit = "PCS") => new() { Code = code, Name = name, BaseUnit = baseUnit };
}
