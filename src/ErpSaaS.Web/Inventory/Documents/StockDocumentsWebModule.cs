using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Documents;

public static class StockDocumentsWebModule
{
    /// <summary>The stock documents' menu entries.</summary>
    public static IServiceCollection AddErpStockDocumentsWeb(this IServiceCollection services) =>
        services.AddMenuContributor<StockDocumentsMenuContributor>();
}
