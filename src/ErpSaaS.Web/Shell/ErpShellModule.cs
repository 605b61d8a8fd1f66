using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Shell;

public static class ErpShellModule
{
    /// <summary>The layout's services: menu (with the foundation's entries), top bar, recent activity, platform links.</summary>
    public static IServiceCollection AddErpShell(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddErpMenu();
        services.AddMenuContributor<FoundationMenuContributor>();
        services.AddMenuContributor<ErpSaaS.Web.Billing.BillingMenuContributor>();
        services.AddMenuContributor<ErpSaaS.Web.Catalog.CatalogMenuContributor>();
        ErpSaaS.Web.Inventory.Alerts.StockAlertsWebRegistration.AddErpStockAlertsWeb(services);
        services.AddScoped<ShellContext>();
        services.AddScoped<RecentActivityQuery>();
        return services;
    }
}
