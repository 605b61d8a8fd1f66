using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.ImportExport;

/// <summary>"Import" under master data: every import kind the user may use is one click from there.</summary>
public sealed class ImportExportMenuContributor : IMenuContributor
{
    public const string Url = "/app/imports";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(CatalogMenuContributor.CatalogGroup, "Menu:Group:Catalog", "ti ti-database", 200))
            .Item(new MenuItem("Menu:Imports", "ti ti-file-import", Url, MenuSide.Tenant)
            {
                Group = CatalogMenuContributor.CatalogGroup, Order = 90, RequiredPermission = ErpPermissions.Trading.Catalog, RequiredFeature = ErpFeatures.Trading,
            });
}
