using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application;

/// <summary>Application services of the administration screens: users, roles, settings, audit trail, tenants.</summary>
public static class AdministrationServices
{
    public static IServiceCollection AddErpAdministration(this IServiceCollection services)
    {
        services.AddScoped<ErpSaaS.Identity.AccountLinks>();
        services.AddScoped<ErpSaaS.Identity.UserInvitationMailer>();
        services.AddScoped<ErpSaaS.Identity.AccountEmails>();
        services.AddScoped<ErpSaaS.Identity.PermissionMatrixBuilder>();
        services.AddScoped<ErpSaaS.Identity.IUserAppService, ErpSaaS.Identity.UserAppService>();
        services.AddScoped<ErpSaaS.Identity.IRoleAppService, ErpSaaS.Identity.RoleAppService>();
        services.AddScoped<ErpSaaS.Settings.ISettingsAppService, ErpSaaS.Settings.SettingsAppService>();
        services.AddScoped<ErpSaaS.Auditing.IAuditLogAppService, ErpSaaS.Auditing.AuditLogAppService>();
        services.AddScoped<ErpSaaS.Tenancy.ITenantAdminAppService, ErpSaaS.Tenancy.TenantAdminAppService>();
        return services;
    }
}
