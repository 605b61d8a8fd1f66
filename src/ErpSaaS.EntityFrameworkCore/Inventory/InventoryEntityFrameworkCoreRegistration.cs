using ErpSaaS.Inventory;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Inventory;

public static class InventoryEntityFrameworkCoreRegistration
{
    /// <summary>The stock ledger, reservations, supplies, availability, inquiries and verification over PostgreSQL.</summary>
    public static IServiceCollection AddErpInventory(this IServiceCollection services)
    {
        services.AddScoped<StockSql>();
        services.AddScoped<StockRevaluation>();
        services.AddScoped<IStockLedger, StockLedger>();
        return services;
    }
}
