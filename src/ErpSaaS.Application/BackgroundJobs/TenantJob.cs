using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpSaaS.BackgroundJobs;

/// <summary>
/// A job that works for one tenant: the one named by <see cref="TenantIdKey"/> in its job data. The body runs
/// in a DI scope of its own whose current tenant is set before anything else is resolved from it, so its
/// DbContext, settings and caches all act for that tenant. A job without a tenant, or for a tenant that does
/// not exist, does not run. Take scoped services from the <c>services</c> argument, never the constructor:
/// what the constructor gets was built before the tenant was known.
/// </summary>
public abstract class TenantJob(IServiceScopeFactory scopes) : IJob
{
    public const string TenantIdKey = "tenantId";

    /// <summary>The job data that makes a job run inside <paramref name="tenantId"/>.</summary>
    public static JobDataMap DataFor(Guid tenantId) => new() { [TenantIdKey] = tenantId.ToString() };

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantIdOf(context);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        if (await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindAsync(tenantId, cancellationToken) is null)
        {
            throw new JobExecutionException($"Job {context.JobDetail.Key} names tenant {tenantId}, which does not exist.");
        }
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenantId, ["JobKey"] = context.JobDetail.Key.ToString() }))
        {
            await ExecuteAsync(scope.ServiceProvider, context, cancellationToken);
        }
    }

    /// <param name="services">The job's own scope, already acting for the tenant.</param>
    protected abstract Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken);

    private static Guid TenantIdOf(IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(TenantIdKey, out var value) && Guid.TryParse(value?.ToString(), out var tenantId)
            ? tenantId
            : throw new JobExecutionException($"Job {context.JobDetail.Key} has no {TenantIdKey} in its data; a tenant job never runs without its tenant.");
}
