using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>The stock documents (openings, transfers, adjustments, counts) under "Inventory" on the tenant side.</summary>
public sealed class StockDocumentsMenuContributor : IMenuContributor
{
    public const string InventoryGroup = "Inventory";

    private static readonly (string TextKey, string Icon, string Url)[] Documents =
    [
        ("Menu:StockOpenings", "ti ti-database-import", "/app/inventory/openings"),
        ("Menu:StockTransfers", "ti ti-arrows-exchange", "/app/inventory/transfers"),
        ("Menu:StockAdjustments", "ti ti-adjustments-horizontal", "/app/inventory/adjustments"),
        ("Menu:StockCounts", "ti ti-clipboard-check", "/app/inventory/counts"),
    ];

    public void Contribute(MenuDefinition menu)
    {
        // The inventory module declares the same group; whichever contributor comes first names it.
        menu.Group(new MenuGroup(InventoryGroup, "Menu:Group:Inventory", "ti ti-packages", 300));
        for (var i = 0; i < Documents.Length; i++)
        {
            menu.Item(new MenuItem(Documents[i].TextKey, Documents[i].Icon, Documents[i].Url, MenuSide.Tenant)
            {
                Group = InventoryGroup, Order = 100 + (i * 10), RequiredPermission = ErpPermissions.Trading.Inventory, RequiredFeature = ErpFeatures.Trading,
            });
        }
    }
}
