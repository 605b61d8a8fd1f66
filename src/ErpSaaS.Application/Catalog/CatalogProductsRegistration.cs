using ErpSaaS.Signup;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Catalog;

public static class CatalogProductsRegistration
{
    /// <summary>The product master's use cases (products, categories, units, tax rates, bins) and its sample data.</summary>
    public static IServiceCollection AddErpCatalogProductServices(this IServiceCollection services)
    {
        services.AddScoped<IProductAppService, ProductAppService>();
        services.AddScoped<IProductCategoryAppService, ProductCategoryAppService>();
        services.AddScoped<IUnitOfMeasureAppService, UnitOfMeasureAppService>();
        services.AddScoped<ITaxRateAppService, TaxRateAppService>();
        services.AddScoped<IWarehouseLocationAppService, WarehouseLocationAppService>();
        services.AddScoped<ProductSampleData>();
        services.AddScoped<ISampleDataContributor>(sp => sp.GetRequiredService<ProductSampleData>());
        return services;
    }
}
