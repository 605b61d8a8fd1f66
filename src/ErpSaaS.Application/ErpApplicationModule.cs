using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application;

public static class ErpApplicationModule
{
    public static IServiceCollection AddErpApplication(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
