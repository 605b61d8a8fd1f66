using ErpSaaS.Billing;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.ImportExport;
using ErpSaaS.Inventory;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application;

public static class ErpApplicationModule
{
    public static IServiceCollection AddErpApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPublicUrls>(PublicUrls.From(configuration));
        services.AddScoped<TenantProvisioner>();
        services.AddScoped<IDomainEventHandler<ErpSaaS.Billing.SubscriptionChanged>, ErpSaaS.Billing.ApplySubscriptionToTenantInTransaction>();
        ErpSaaS.Billing.ErpBillingModule.AddErpBilling(services, configuration);
        services.AddScoped<ErpSaaS.Identity.IProfileAppService, ErpSaaS.Identity.ProfileAppService>();
        services.AddScoped<ErpSaaS.Identity.ICurrentUser, ErpSaaS.Identity.CurrentUser>();
        services.AddSingleton<ErpSaaS.Features.FeatureCacheInvalidator>();
        services.AddSingleton<ISavedChangesObserver>(sp => sp.GetRequiredService<ErpSaaS.Features.FeatureCacheInvalidator>());
        services.AddSingleton<IDatabaseChangeObserver>(sp => sp.GetRequiredService<ErpSaaS.Features.FeatureCacheInvalidator>());
        services.AddScoped<ErpSaaS.Features.FeatureChecker>();
        services.AddScoped<ErpSaaS.Features.IFeatureChecker>(sp => sp.GetRequiredService<ErpSaaS.Features.FeatureChecker>());
        services.AddSingleton<ErpSaaS.Permissions.PermissionCacheInvalidator>();
        services.AddSingleton<ISavedChangesObserver>(sp => sp.GetRequiredService<ErpSaaS.Permissions.PermissionCacheInvalidator>());
        services.AddSingleton<IDatabaseChangeObserver>(sp => sp.GetRequiredService<ErpSaaS.Permissions.PermissionCacheInvalidator>());
        services.AddScoped<ErpSaaS.Permissions.IPermissionChecker, ErpSaaS.Permissions.PermissionChecker>();
        services.AddErpEmailing(configuration);
        services.AddErpStripe(configuration);
        services.AddErpAdministration();
        services.AddErpSignup();
        services.AddScoped<ErpSaaS.Catalog.IWarehouseAppService, ErpSaaS.Catalog.WarehouseAppService>();
        services.AddErpImportExport(configuration);
        services.AddErpInventoryApplication();
        ErpSaaS.Inventory.Alerts.StockAlertsApplicationRegistration.AddErpStockAlerts(services);
        ErpSaaS.Inventory.Documents.StockDocumentsApplicationModule.AddErpStockDocuments(services);
        ErpSaaS.Sales.SalesApplicationModule.AddErpSales(services);
        ErpSaaS.Purchasing.PurchasingApplicationModule.AddErpPurchasing(services);
        services.AddErpCatalogProductServices();
        ErpSaaS.Approvals.ApprovalsApplicationModule.AddErpApprovals(services);
        ErpSaaS.Analytics.AnalyticsApplicationModule.AddErpAnalytics(services);
        // Seeders run in registration order: the host's plans before the demo tenant that uses them.
        services.AddScoped<IDataSeeder, HostDataSeeder>();
        if (configuration.GetValue("Seed:DemoTenant", true))
        {
            services.AddScoped<IDataSeeder, DemoTenantSeeder>();
        }
        services.AddScoped<IDataSeeder, AdminPermissionsSeeder>();
        ErpSaaS.Catalog.PartnersApplicationRegistration.AddErpPartners(services, configuration);
        return services;
    }
}
