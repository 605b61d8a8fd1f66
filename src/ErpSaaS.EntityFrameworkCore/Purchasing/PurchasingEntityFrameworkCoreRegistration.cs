using ErpSaaS.Purchasing;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

public static class PurchasingEntityFrameworkCoreRegistration
{
    /// <summary>Persistence and read side of purchasing.</summary>
    public static IServiceCollection AddErpPurchasingPersistence(this IServiceCollection services)
    {
        services.AddScoped<IPurchasingRepository, PurchasingRepository>();
        services.AddScoped<IPurchasingLookups, PurchasingLookups>();
        services.AddScoped<IPurchasingQueries, PurchasingQueries>();
        services.AddScoped<IPurchaseInvoiceQueries, PurchaseInvoiceQueries>();
        services.AddScoped<IPurchaseTrackingQueries, PurchaseTrackingQueries>();
        return services;
    }
}
