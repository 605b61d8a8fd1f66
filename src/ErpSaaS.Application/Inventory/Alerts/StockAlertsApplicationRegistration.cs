using ErpSaaS.Inventory.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Inventory.Alerts;

public static class StockAlertsApplicationRegistration
{
    /// <summary>Stock alerts, replenishment suggestions, the daily digest and inventory reports.</summary>
    public static IServiceCollection AddErpStockAlerts(this IServiceCollection services)
    {
        services.AddScoped<StockAlertClock>();
        services.AddScoped<IStockAlertAppService, StockAlertAppService>();
        services.AddScoped<IReplenishmentSuggestions, ReplenishmentSuggestions>();
        services.AddScoped<IInventoryReportAppService, InventoryReportAppService>();
        services.AddScoped<StockAlertDigestMailer>();
        return services;
    }
}
