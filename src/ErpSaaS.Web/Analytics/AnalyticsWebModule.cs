using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Analytics;

public static class AnalyticsWebModule
{
    /// <summary>Analytics' menu entries and API.</summary>
    public static IServiceCollection AddErpAnalyticsWeb(this IServiceCollection services) =>
        services.AddMenuContributor<AnalyticsMenuContributor>().AddEndpointContributor<AnalyticsApi>();
}
