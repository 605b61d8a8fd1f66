using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Sales;

/// <summary>The "Sales" group on the tenant side: quotations, orders, deliveries, invoices with their receipts, returns and order tracking.</summary>
public sealed class SalesMenuContributor : IMenuContributor
{
    public const string SalesGroup = "Sales";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(SalesGroup, "Menu:Group:Sales", "ti ti-shopping-cart", 400))
            .Item(Item("Menu:SalesQuotations", "ti ti-file-dollar", "/app/sales/quotations", 5))
            .Item(Item("Menu:SalesOrders", "ti ti-file-invoice", "/app/sales/orders", 10))
            .Item(Item("Menu:SalesDeliveries", "ti ti-truck-delivery", "/app/sales/deliveries", 20))
            .Item(Item("Menu:SalesInvoices", "ti ti-receipt", "/app/sales/invoices", 30))
            .Item(Item("Menu:SalesReturns", "ti ti-arrow-back-up", "/app/sales/returns", 40))
            .Item(Item("Menu:SalesTracking", "ti ti-layout-kanban", "/app/sales/tracking", 50));

    private static MenuItem Item(string text, string icon, string url, int order) => new(text, icon, url, MenuSide.Tenant)
    {
        Group = SalesGroup, Order = order, RequiredPermission = ErpPermissions.Trading.Sales, RequiredFeature = ErpFeatures.Trading,
    };
}
