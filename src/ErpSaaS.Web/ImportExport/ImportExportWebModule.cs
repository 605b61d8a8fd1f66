using ErpSaaS.ImportExport;
using ErpSaaS.Web.Menu;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ErpSaaS.Web.ImportExport;

public static class ImportExportWebModule
{
    /// <summary>The import pages' menu entry, and large imports as clustered Quartz jobs whenever background jobs are on.</summary>
    public static IServiceCollection AddErpImportExportWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMenuContributor<ImportExportMenuContributor>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.Replace(ServiceDescriptor.Scoped<IImportScheduler, QuartzImportScheduler>());
        }
        return services;
    }
}
