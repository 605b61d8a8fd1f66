using ErpSaaS.BackgroundJobs;
using ErpSaaS.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpSaaS.Inventory;

/// <summary>The companies whose stock the nightly verification checks: those that may still write (a read-only company's stock cannot move).</summary>
public interface IStockVerificationTenants
{
    Task<IReadOnlyList<Guid>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Nightly (host side): starts one <see cref="StockVerificationJob"/> per company, each a tenant job of its own, so
/// one company's large ledger or failure never holds up another's check, and the clustered store spreads them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StockVerificationNightlyJob(IStockVerificationTenants tenants, ILogger<StockVerificationNightlyJob> logger) : IJob
{
    public const string Name = "stock-verification";

    /// <summary>02:30 UTC: after midnight in China, before the working day.</summary>
    public const string Schedule = "0 30 2 * * ?";

    public const string TenantGroup = "stock-verification";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var companies = await tenants.ListAsync(cancellationToken);
        foreach (var tenantId in companies)
        {
            var job = JobBuilder.Create<StockVerificationJob>().WithIdentity(tenantId.ToString(), TenantGroup).UsingJobData(TenantJob.DataFor(tenantId)).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(tenantId.ToString(), TenantGroup).ForJob(job).StartNow().Build();
            await context.Scheduler.ScheduleJob(job, new[] { trigger }, ScheduleJobOptions.Replacing, cancellationToken);
        }
        logger.LogInformation("Stock verification started for {Companies} companies", companies.Count);
    }
}

/// <summary>Verifies one company's stock (the tenant named in the job data) and records the run.</summary>
public sealed class StockVerificationJob(IServiceScopeFactory scopes) : TenantJob(scopes)
{
    protected override async Task ExecuteAsync(IServiceProvider services, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<IUnitOfWork>().InTransactionAsync(
            ct => services.GetRequiredService<StockVerification>().RunAsync(StockVerificationTrigger.Nightly, ct), cancellationToken);
        if (run.DifferenceCount > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger<StockVerificationJob>()
                .LogWarning("Stock verification found {Differences} differences between balances and the ledger", run.DifferenceCount);
        }
    }
}
