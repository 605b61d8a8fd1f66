using ErpSaaS.Common;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Catalog;

public static class PartnersApplicationRegistration
{
    /// <summary>
    /// Customers, suppliers, currencies and price lists: application services, every new company's currencies, the
    /// sign-up sample data and the demo company's partners (registered last, so they seed after the demo company exists).
    /// </summary>
    public static IServiceCollection AddErpPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICustomerAppService, CustomerAppService>();
        services.AddScoped<ISupplierAppService, SupplierAppService>();
        services.AddScoped<ICurrencyAppService, CurrencyAppService>();
        services.AddScoped<IPriceListAppService, PriceListAppService>();
        services.AddScoped<ITenantDefaultsContributor, CurrencyDefaults>();
        services.AddScoped<PartnersSampleData>();
        services.AddScoped<ISampleDataContributor>(sp => sp.GetRequiredService<PartnersSampleData>());
        if (configuration.GetValue("Seed:DemoTenant", true))
        {
            services.AddScoped<IDataSeeder, DemoPartnersSeeder>();
        }
        return services;
    }
}
