using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Purchasing;

/// <summary>The "Purchasing" group on the tenant side: requisitions, purchase orders, goods receipts, invoices, returns, supplier performance and order tracking.</summary>
public sealed class PurchasingMenuContributor : IMenuContributor
{
    public const string PurchasingGroup = "Purchasing";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(PurchasingGroup, "Menu:Group:Purchasing", "ti ti-shopping-cart", 250))
            .Item(Item("Menu:PurchaseRequisitions", "ti ti-list-check", "/app/purchasing/requisitions", 5))
            .Item(Item("Menu:PurchaseOrders", "ti ti-file-invoice", "/app/purchasing/orders", 10))
            .Item(Item("Menu:GoodsReceipts", "ti ti-truck-delivery", "/app/purchasing/receipts", 20) with { RequiredPermission = ErpPermissions.Trading.PurchasingOrReceiving })
            .Item(Item("Menu:PurchaseInvoices", "ti ti-receipt", "/app/purchasing/invoices", 30))
            .Item(Item("Menu:PurchaseReturns", "ti ti-truck-return", "/app/purchasing/returns", 40))
            .Item(Item("Menu:SupplierPerformance", "ti ti-chart-bar", "/app/purchasing/supplier-performance", 50))
            .Item(Item("Menu:PurchaseTracking", "ti ti-layout-kanban", "/app/purchasing/tracking", 60));

    private static MenuItem Item(string text, string icon, string url, int order) => new(text, icon, url, MenuSide.Tenant)
    {
        Group = PurchasingGroup, Order = order, RequiredPermission = ErpPermissions.Trading.Purchasing, RequiredFeature = ErpFeatures.Trading,
    };
}
