using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Inventory;

public static class InventoryApplicationRegistration
{
    /// <summary>Stock inquiries, the verification and its jobs.</summary>
    public static IServiceCollection AddErpInventoryApplication(this IServiceCollection services)
    {
        services.AddScoped<IStockInquiryAppService, StockInquiryAppService>();
        services.AddScoped<IStockVerificationAppService, StockVerificationAppService>();
        services.AddScoped<StockVerification>();
        services.AddTransient<StockVerificationJob>();
        services.AddTransient<StockVerificationNightlyJob>();
        return services;
    }
}
