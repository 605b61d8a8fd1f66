using ErpSaaS.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

public static class CatalogEntityFrameworkCoreRegistration
{
    /// <summary>The catalog's repositories and domain services (products, categories, units, tax rates, bins).</summary>
    public static IServiceCollection AddErpCatalogProducts(this IServiceCollection services)
    {
        services.AddScoped<IProductRepository, ProductRepository>();
        services.AddScoped<ProductSearch>();
        services.AddSingleton<ProductSearchMemory>();
        services.AddScoped<IProductCategoryRepository, ProductCategoryRepository>();
        services.AddScoped<IUnitOfMeasureRepository, UnitOfMeasureRepository>();
        services.AddScoped<ITaxRateRepository, TaxRateRepository>();
        services.AddScoped<IWarehouseLocationRepository, WarehouseLocationRepository>();
        services.AddScoped<ProductManager>();
        services.AddScoped<ProductCategoryManager>();
        services.AddScoped<CatalogReferenceManager>();
        services.AddScoped<CatalogStarterData>();
        return services;
    }
}
