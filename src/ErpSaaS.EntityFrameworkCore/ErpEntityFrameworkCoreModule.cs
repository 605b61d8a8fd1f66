using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Catalog;
using ErpSaaS.EntityFrameworkCore.Inventory;
using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.EntityFrameworkCore.Tenancy;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

public static class ErpEntityFrameworkCoreModule
{
    public static IServiceCollection AddErpEntityFrameworkCore(this IServiceCollection services, IConfiguration configuration)
    {
        var database = new ErpDatabaseOptions
        {
            ConnectionString = configuration.GetConnectionString("Default")
                               ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured."),
            MigrationConnectionString = configuration.GetConnectionString("Migrations")
                                        ?? configuration.GetConnectionString("Default")!,
        };
        services.AddSingleton(database);
        services.AddMemoryCache();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<TenantStore>());
        services.AddSingleton<ISavedChangesObserver>(sp => sp.GetRequiredService<TenantStore>());
        services.AddSingleton<IDatabaseChangeObserver>(sp => sp.GetRequiredService<TenantStore>());
        services.AddSingleton<TenantSessionInterceptor>();
        services.AddSingleton<TenantConnectionStringResolver>();
        services.AddSingleton<SchemaMigrator>();
        services.AddScoped<ICurrentTenant, CurrentTenant>();
        services.AddScoped<ErpSaveChangesPipeline>();
        services.AddScoped<ErpSaaS.Auditing.AuditContext>();
        services.AddScoped<ErpSaaS.Auditing.IAuditContext>(sp => sp.GetRequiredService<ErpSaaS.Auditing.AuditContext>());
        services.AddSingleton<ErpDatabaseMigrator>();

        // Not pooled: a context is bound to the tenant (and database) current when it is created.
        services.AddDbContext<ErpDbContext>((sp, options) =>
        {
            var tenantId = sp.GetRequiredService<ICurrentTenant>().Id;
            options.UseNpgsql(sp.GetRequiredService<TenantConnectionStringResolver>().Resolve(tenantId))
                .AddInterceptors(sp.GetRequiredService<TenantSessionInterceptor>());
        });
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<ITenantRepository, TenantRepository>();
        services.AddScoped<TenantManager>();
        services.AddScoped<ErpSaaS.Identity.IPermissionGrantRepository, Identity.PermissionGrantRepository>();
        services.AddScoped<ErpSaaS.Features.IPlanRepository, Features.PlanRepository>();
        services.AddScoped<ErpSaaS.Billing.IBillingRepository, Billing.BillingRepository>();
        services.AddScoped<ErpSaaS.Auditing.IAuditTrail, Auditing.AuditTrail>();
        services.AddScoped<ErpSaaS.Billing.IStripeWebhookEventQueries, Billing.StripeWebhookEventQueries>();
        services.AddScoped<ErpSaaS.Billing.ISubscriptionLifecycleQueries, Billing.SubscriptionLifecycleQueries>();
        services.AddScoped<ErpSaaS.Billing.IBillingQueries, Billing.BillingQueries>();
        services.AddScoped<ErpSaaS.Billing.IBillingInvoiceNumbers, Billing.BillingInvoiceNumbers>();
        services.AddScoped<ErpSaaS.Settings.ISettingStore, Settings.SettingStore>();
        services.AddSingleton<Settings.SettingCacheInvalidator>();
        services.AddSingleton<ISavedChangesObserver>(sp => sp.GetRequiredService<Settings.SettingCacheInvalidator>());
        services.AddSingleton<IDatabaseChangeObserver>(sp => sp.GetRequiredService<Settings.SettingCacheInvalidator>());
        services.AddErpAdministrationQueries();
        services.AddScoped<ErpSaaS.Catalog.IWarehouseRepository, Catalog.WarehouseRepository>();
        services.AddScoped<ErpSaaS.Catalog.IWarehouseQueries, Catalog.WarehouseQueries>();
        services.AddScoped<ErpSaaS.Catalog.WarehouseManager>();
        services.AddErpCatalogProducts();
        services.AddErpPartnersPersistence();
        ErpSaaS.EntityFrameworkCore.ImportExport.ImportExportEntityFrameworkCoreRegistration.AddErpImportExportPersistence(services);
        services.AddErpInventory();
        ErpSaaS.EntityFrameworkCore.Inventory.Alerts.StockAlertsEntityFrameworkCoreRegistration.AddErpStockAlertQueries(services);
        Inventory.Documents.StockDocumentsEntityFrameworkCoreRegistration.AddErpStockDocumentsPersistence(services);
        Sales.SalesEntityFrameworkCoreRegistration.AddErpSalesPersistence(services);
        Purchasing.PurchasingEntityFrameworkCoreRegistration.AddErpPurchasingPersistence(services);
        services.AddErpCatalogProductQueries();
        Approvals.ApprovalsEntityFrameworkCoreRegistration.AddErpApprovalsPersistence(services);
        ErpSaaS.EntityFrameworkCore.Analytics.AnalyticsEntityFrameworkCoreRegistration.AddErpAnalyticsPersistence(services);
        services.AddSingleton(TimeProvider.System);
        services.AddErpNumbering().AddErpOutbox();
        return services;
    }

    /// <summary>ASP.NET Core Identity's stores over <see cref="ErpDbContext"/> (users and roles unique per tenant).</summary>
    public static IdentityBuilder AddErpIdentityStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<ErpDbContext>();
}
