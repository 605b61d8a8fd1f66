using ErpSaaS.EntityFrameworkCore.Inventory.Reports;
using ErpSaaS.Inventory.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Alerts;

public static class StockAlertsEntityFrameworkCoreRegistration
{
    /// <summary>The SQL behind stock alerts, replenishment suggestions and inventory reports, and the digest log.</summary>
    public static IServiceCollection AddErpStockAlertQueries(this IServiceCollection services)
    {
        services.AddScoped<IStockAlertQueries, StockAlertQueries>();
        services.AddScoped<IInventoryReportQueries, InventoryReportQueries>();
        services.AddScoped<IStockAlertDigestRepository, StockAlertDigestRepository>();
        return services;
    }
}
