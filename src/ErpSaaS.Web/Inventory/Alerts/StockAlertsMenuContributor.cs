using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Alerts;

/// <summary>Stock alerts, replenishment suggestions and the slow-moving and expiring-batch reports in the "Inventory" group (declared by <see cref="InventoryMenuContributor"/>).</summary>
public sealed class StockAlertsMenuContributor : IMenuContributor
{
    private const string InventoryGroup = InventoryMenuContributor.InventoryGroup;

    public void Contribute(MenuDefinition menu) =>
        menu.Item(Item("Menu:StockAlerts", "ti ti-alert-triangle", "/app/inventory/alerts", 50))
            .Item(Item("Menu:Replenishment", "ti ti-shopping-cart-plus", "/app/inventory/replenishment", 60))
            .Item(Item("Menu:SlowMovingReport", "ti ti-hourglass", "/app/inventory/reports/slow-moving", 82))
            .Item(Item("Menu:ExpiringBatchesReport", "ti ti-calendar-exclamation", "/app/inventory/reports/expiring-batches", 84));

    private static MenuItem Item(string textKey, string icon, string url, int order) =>
        new(textKey, icon, url, MenuSide.Tenant)
        {
            Group = InventoryGroup, Order = order, RequiredPermission = ErpPermissions.Trading.Inventory, RequiredFeature = ErpFeatures.Trading,
        };
}
