using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Catalog;

/// <summary>
/// Business partners and money under "Master data", after the products and warehouses and before Import: customers, suppliers,
/// price lists, currencies, exchange rates.
/// </summary>
public sealed class PartnersMenuContributor : IMenuContributor
{
    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(CatalogMenuContributor.CatalogGroup, "Menu:Group:Catalog", "ti ti-database", 200))
            .Item(InCatalog(new MenuItem("Menu:Customers", "ti ti-users-group", "/app/catalog/customers", MenuSide.Tenant), 60))
            .Item(InCatalog(new MenuItem("Menu:Suppliers", "ti ti-truck-delivery", "/app/catalog/suppliers", MenuSide.Tenant), 65))
            .Item(InCatalog(new MenuItem("Menu:PriceLists", "ti ti-tags", "/app/catalog/price-lists", MenuSide.Tenant), 70))
            .Item(InCatalog(new MenuItem("Menu:Currencies", "ti ti-coins", "/app/catalog/currencies", MenuSide.Tenant), 75))
            .Item(InCatalog(new MenuItem("Menu:ExchangeRates", "ti ti-arrows-exchange", "/app/catalog/exchange-rates", MenuSide.Tenant), 80));

    private static MenuItem InCatalog(MenuItem item, int order) => item with
    {
        Group = CatalogMenuContributor.CatalogGroup, Order = order,
        RequiredPermission = ErpPermissions.Trading.Catalog, RequiredFeature = ErpFeatures.Trading,
    };
}
