using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Catalog;

/// <summary>The catalog's master data under "Master data" on the tenant side: products first, then what describes them.</summary>
public sealed class CatalogMenuContributor : IMenuContributor
{
    public const string CatalogGroup = "Catalog";

    private static readonly (string TextKey, string Icon, string Url)[] Items =
    [
        ("Menu:Products", "ti ti-package", "/app/catalog/products"),
        ("Menu:ProductCategories", "ti ti-sitemap", "/app/catalog/categories"),
        ("Menu:Warehouses", "ti ti-building-warehouse", "/app/catalog/warehouses"),
        ("Menu:Units", "ti ti-ruler-measure", "/app/catalog/units"),
        ("Menu:TaxRates", "ti ti-receipt-tax", "/app/catalog/tax-rates"),
    ];

    public void Contribute(MenuDefinition menu)
    {
        menu.Group(new MenuGroup(CatalogGroup, "Menu:Group:Catalog", "ti ti-database", 200));
        for (var i = 0; i < Items.Length; i++)
        {
            menu.Item(new MenuItem(Items[i].TextKey, Items[i].Icon, Items[i].Url, MenuSide.Tenant)
            {
                Group = CatalogGroup, Order = (i + 1) * 10, RequiredPermission = ErpPermissions.Trading.Catalog, RequiredFeature = ErpFeatures.Trading,
            });
        }
    }
}
