using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application;

public static class ErpApplicationModule
{
    public static IServiceCollection AddErpApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TenantProvisioner>();
        services.AddErpEmailing(configuration);
        // Seeders run in registration order: the host's plans before the demo tenant that uses them.
        services.AddScoped<IDataSeeder, HostDataSeeder>();
        if (configuration.GetValue("Seed:DemoTenant", true))
        {
            services.AddScoped<IDataSeeder, DemoTenantSeeder>();
        }
        return services;
    }
}
