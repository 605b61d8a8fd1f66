using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Alerts;

/// <summary>Stock alerts, replenishment suggestions and inventory reports under "Inventory".</summary>
public sealed class StockAlertsMenuContributor : IMenuContributor
{
    // Declared like InventoryMenuContributor declares it; whichever contributor runs first defines the group.
    public const string InventoryGroup = "Inventory";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(InventoryGroup, "Menu:Group:Inventory", "ti ti-packages", 300))
            .Item(Item("Menu:StockAlerts", "ti ti-alert-triangle", "/app/inventory/alerts", 50))
            .Item(Item("Menu:Replenishment", "ti ti-shopping-cart-plus", "/app/inventory/replenishment", 60))
            .Item(Item("Menu:InventoryReports", "ti ti-report-analytics", "/app/inventory/reports", 70));

    private static MenuItem Item(string textKey, string icon, string url, int order) =>
        new(textKey, icon, url, MenuSide.Tenant)
        {
            Group = InventoryGroup, Order = order, RequiredPermission = ErpPermissions.Trading.Inventory, RequiredFeature = ErpFeatures.Trading,
        };
}
