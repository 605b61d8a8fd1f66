using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Purchasing;

public static class PurchasingWebModule
{
    /// <summary>Purchasing's menu entries and API.</summary>
    public static IServiceCollection AddErpPurchasingWeb(this IServiceCollection services) =>
        services.AddMenuContributor<PurchasingMenuContributor>().AddEndpointContributor<PurchasingApi>().AddEndpointContributor<PurchaseTrackingApi>();
}
