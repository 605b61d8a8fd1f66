using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>The read side of the administration screens (users, roles, audit, tenants) and their infrastructure ports.</summary>
public static class AdministrationQueries
{
    public static IServiceCollection AddErpAdministrationQueries(this IServiceCollection services)
    {
        services.AddScoped<ErpSaaS.Identity.IUserQueries, Identity.UserQueries>();
        services.AddScoped<ErpSaaS.Identity.IRoleQueries, Identity.RoleQueries>();
        services.AddScoped<ErpSaaS.Auditing.IAuditLogQueries, Auditing.AuditLogQueries>();
        services.AddScoped<ErpSaaS.Tenancy.ITenantQueries, Tenancy.TenantQueries>();
        services.AddScoped<ErpSaaS.Tenancy.ITenantDatabaseProvisioner, Tenancy.TenantDatabaseProvisioner>();
        return services;
    }
}
