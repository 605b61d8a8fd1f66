using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Catalog;

/// <summary>The catalog's master data (warehouses first) under "Master data" on the tenant side.</summary>
public sealed class CatalogMenuContributor : IMenuContributor
{
    public const string CatalogGroup = "Catalog";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(CatalogGroup, "Menu:Group:Catalog", "ti ti-database", 200))
            .Item(new MenuItem("Menu:Warehouses", "ti ti-building-warehouse", "/app/catalog/warehouses", MenuSide.Tenant)
            {
                Group = CatalogGroup, Order = 10, RequiredPermission = ErpPermissions.Trading.Catalog, RequiredFeature = ErpFeatures.Trading,
            });
}
