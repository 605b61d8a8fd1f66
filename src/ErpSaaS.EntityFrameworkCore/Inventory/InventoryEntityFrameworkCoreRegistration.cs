using ErpSaaS.Inventory;
using ErpSaaS.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

public static class InventoryEntityFrameworkCoreRegistration
{
    /// <summary>The stock ledger, reservations, supplies, availability, inquiries and verification over PostgreSQL.</summary>
    public static IServiceCollection AddErpInventory(this IServiceCollection services)
    {
        services.AddScoped<StockSql>();
        services.AddScoped<StockRevaluation>();
        services.AddScoped<IStockRevaluations>(sp => sp.GetRequiredService<StockRevaluation>());
        services.AddOptions<StockRevaluationOptions>();
        services.AddOutboxHandler<StockRevaluationHandler>();
        services.AddScoped<IStockLedger, StockLedger>();
        services.AddScoped<IStockReservations, StockReservations>();
        services.AddScoped<IStockSupplies, StockSupplies>();
        services.AddScoped<IStockAvailability, StockAvailability>();
        services.AddScoped<IStockVerifier, StockVerifier>();
        services.AddScoped<IStockVerificationRepository, StockVerificationRepository>();
        services.AddScoped<IStockVerificationTenants, StockVerificationTenants>();
        services.AddScoped<IStockQueries, StockQueries>();
        services.AddScoped<ErpSaaS.Settings.ISettingChangeGuard, ValuationScopeGuard>();
        services.AddScoped<ErpSaaS.Catalog.IProductUsage, StockProductUsage>();
        return services;
    }
}
