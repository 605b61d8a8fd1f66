using ErpSaaS.ImportExport.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ErpSaaS.ImportExport;

public static class ImportExportApplicationModule
{
    /// <summary>
    /// Spreadsheet imports: the service, the runner, the kinds of the catalog, partners and opening stock, and running large files inline until
    /// the host swaps in <see cref="QuartzImportScheduler"/> (the web host does when background jobs are on).
    /// </summary>
    public static IServiceCollection AddErpImportExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportExportOptions>(configuration.GetSection(ImportExportOptions.Section));
        services.AddScoped<IImportAppService, ImportAppService>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportKindRegistry>();
        services.TryAddScoped<IImportScheduler, InlineImportScheduler>();
        services.AddImportKind<ProductImportKind>();
        services.AddImportKind<ProductCategoryImportKind>();
        services.AddImportKind<CustomerImportKind>();
        services.AddImportKind<SupplierImportKind>();
        services.AddImportKind<SupplierProductImportKind>();
        services.AddImportKind<PriceListImportKind>();
        services.AddImportKind<ErpSaaS.ImportExport.Inventory.OpeningStockImportKind>();
        return services;
    }
}
