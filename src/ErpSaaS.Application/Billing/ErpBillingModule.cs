using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ErpSaaS.Billing;

public static class ErpBillingModule
{
    public static IServiceCollection AddErpBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankTransferOptions>().Bind(configuration.GetSection(BankTransferOptions.Section));
        services.AddScoped<HostScope>();
        services.AddScoped<IBillingAppService, BillingAppService>();
        services.AddScoped<IBillingAdminAppService, BillingAdminAppService>();
        services.AddScoped<IImpersonationAppService, ImpersonationAppService>();
        services.AddScoped<IPlanAdminAppService, PlanAdminAppService>();
        services.AddScoped<IUsageContributor, UsersUsageContributor>();
        services.AddScoped<IUsageContributor, ErpSaaS.Catalog.WarehousesUsageContributor>();
        // Card payments are wired where a provider is configured; without one the billing page offers bank transfer only.
        services.TryAddSingleton<ICheckoutProvider, NoCheckoutProvider>();
        return services;
    }
}
