using ErpSaaS.ImportExport;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

public static class ImportExportEntityFrameworkCoreRegistration
{
    /// <summary>Import jobs, their preview rows and progress, and the lookups of the catalog's, partners' and opening stock's import kinds.</summary>
    public static IServiceCollection AddErpImportExportPersistence(this IServiceCollection services)
    {
        services.AddScoped<IImportJobRepository, ImportJobRepository>();
        services.AddScoped<IImportJobQueries, ImportJobQueries>();
        services.AddScoped<IImportSession, ImportSession>();
        services.AddScoped<IImportProgressStore, ImportProgressStore>();
        services.AddScoped<ErpSaaS.ImportExport.Catalog.ICatalogImportQueries, CatalogImportQueries>();
        services.AddScoped<ErpSaaS.ImportExport.Catalog.IPartnerImportQueries, PartnerImportQueries>();
        services.AddScoped<ErpSaaS.ImportExport.Inventory.IInventoryImportQueries, InventoryImportQueries>();
        return services;
    }
}
