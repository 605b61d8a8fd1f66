using ErpSaaS.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Approvals;

public static class ApprovalsEntityFrameworkCoreRegistration
{
    /// <summary>Persistence and read side of the approval engine, and the company's people as flows name them.</summary>
    public static IServiceCollection AddErpApprovalsPersistence(this IServiceCollection services)
    {
        services.AddScoped<IApprovalRepository, ApprovalRepository>();
        services.AddScoped<IApprovalDirectory, ApprovalDirectory>();
        services.AddScoped<IApprovalQueries, ApprovalQueries>();
        return services;
    }
}
