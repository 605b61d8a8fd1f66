using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The stock documents (openings, transfers, adjustments, counts) under "Inventory" on the tenant side, between stock on
/// hand and the stock value of <see cref="InventoryMenuContributor"/>, which declares the group.
/// </summary>
public sealed class StockDocumentsMenuContributor : IMenuContributor
{
    private static readonly (string TextKey, string Icon, string Url)[] Documents =
    [
        ("Menu:StockOpenings", "ti ti-database-import", "/app/inventory/openings"),
        ("Menu:StockTransfers", "ti ti-arrows-exchange", "/app/inventory/transfers"),
        ("Menu:StockAdjustments", "ti ti-adjustments-horizontal", "/app/inventory/adjustments"),
        ("Menu:StockCounts", "ti ti-clipboard-check", "/app/inventory/counts"),
    ];

    public void Contribute(MenuDefinition menu)
    {
        for (var i = 0; i < Documents.Length; i++)
        {
            menu.Item(new MenuItem(Documents[i].TextKey, Documents[i].Icon, Documents[i].Url, MenuSide.Tenant)
            {
                Group = InventoryMenuContributor.InventoryGroup, Order = 20 + (i * 10), RequiredPermission = ErpPermissions.Trading.Inventory, RequiredFeature = ErpFeatures.Trading,
            });
        }
    }
}
