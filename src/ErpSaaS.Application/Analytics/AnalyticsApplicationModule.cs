using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Analytics;

public static class AnalyticsApplicationModule
{
    /// <summary>Monitoring across modules: the exceptions list.</summary>
    public static IServiceCollection AddErpAnalytics(this IServiceCollection services) =>
        services.AddScoped<IExceptionListAppService, ExceptionListAppService>();
}
