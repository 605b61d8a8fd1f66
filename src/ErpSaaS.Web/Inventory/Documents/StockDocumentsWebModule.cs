using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Documents;

public static class StockDocumentsWebModule
{
    /// <summary>The stock documents' menu entries and API.</summary>
    public static IServiceCollection AddErpStockDocumentsWeb(this IServiceCollection services) =>
        services.AddMenuContributor<StockDocumentsMenuContributor>().AddEndpointContributor<StockDocumentsApi>();
}
