using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Approvals;

public static class ApprovalsApplicationModule
{
    /// <summary>
    /// The approval engine (<see cref="IApprovalRequests"/> for document modules), the inbox, flows and delegations.
    /// Document modules add their <see cref="IApprovalDecisionHandler"/> as scoped services of their own.
    /// </summary>
    public static IServiceCollection AddErpApprovals(this IServiceCollection services)
    {
        services.AddScoped<ApprovalPlanner>();
        services.AddScoped<ApprovalClock>();
        services.AddScoped<ApprovalDecisions>();
        services.AddScoped<ApprovalSlaMonitor>();
        services.AddScoped<IApprovalRequests, ApprovalRequests>();
        services.AddScoped<IApprovalDeadlines, ApprovalDeadlines>();
        services.AddScoped<IApprovalInboxAppService, ApprovalInboxAppService>();
        services.AddScoped<IApprovalFlowAppService, ApprovalFlowAppService>();
        services.AddScoped<IApprovalDelegationAppService, ApprovalDelegationAppService>();
        services.AddScoped<IUserManagerAppService, UserManagerAppService>();
        return services;
    }
}
