using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Inventory;

/// <summary>The stock inquiries and the ledger check under "Inventory"; stock documents join the same group from their own contributor.</summary>
public sealed class InventoryMenuContributor : IMenuContributor
{
    public const string InventoryGroup = "Inventory";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(InventoryGroup, "Menu:Group:Inventory", "ti ti-packages", 300))
            .Item(Item("Menu:StockOnHand", "ti ti-stack-2", "/app/inventory/stock", 10))
            .Item(Item("Menu:StockValue", "ti ti-coin-yuan", "/app/inventory/value", 80))
            .Item(Item("Menu:StockVerification", "ti ti-checklist", "/app/inventory/verification", 90));

    private static MenuItem Item(string text, string icon, string url, int order) => new(text, icon, url, MenuSide.Tenant)
    {
        Group = InventoryGroup, Order = order, RequiredPermission = ErpPermissions.Trading.Inventory, RequiredFeature = ErpFeatures.Trading,
    };
}
