using ErpSaaS.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

public static class PartnersEntityFrameworkCoreRegistration
{
    /// <summary>Repositories, read queries and domain services of customers, suppliers, currencies and price lists.</summary>
    public static IServiceCollection AddErpPartnersPersistence(this IServiceCollection services)
    {
        services.AddScoped<ICustomerRepository, CustomerRepository>();
        services.AddScoped<ISupplierRepository, SupplierRepository>();
        services.AddScoped<ISupplierProductRepository, SupplierProductRepository>();
        services.AddScoped<ICurrencyRepository, CurrencyRepository>();
        services.AddScoped<IExchangeRateRepository, ExchangeRateRepository>();
        services.AddScoped<IPriceListRepository, PriceListRepository>();
        services.AddScoped<ICustomerQueries, CustomerQueries>();
        services.AddScoped<ISupplierQueries, SupplierQueries>();
        services.AddScoped<ICurrencyQueries, CurrencyQueries>();
        services.AddScoped<IPriceListQueries, PriceListQueries>();
        services.AddScoped<IProductOptionsQuery, ProductOptionsQuery>();
        services.AddScoped<CustomerManager>();
        services.AddScoped<SupplierManager>();
        services.AddScoped<SupplierProductManager>();
        services.AddScoped<CurrencyManager>();
        services.AddScoped<ICurrencyConverter, CurrencyConverter>();
        services.AddScoped<PriceListManager>();
        services.AddScoped<PriceListLineManager>();
        services.AddScoped<IPriceListPricing, PriceListPricing>();
        return services;
    }
}
