using ErpSaaS.Approvals;
using ErpSaaS.BackgroundJobs;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ErpSaaS.Web.Approvals;

/// <summary>
/// Every 15 minutes (host-side), starts one <see cref="ApprovalSlaJob"/> per company that may still write, each with its
/// tenant in the job data, so one company's failure holds up no other. A step is escalated once (it records when), so
/// overlapping runs send nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ApprovalSlaFanOutJob(ErpDbContext db, ITenantStore tenants, TimeProvider clock, ILogger<ApprovalSlaFanOutJob> logger) : IJob
{
    public const string Name = "approval-sla-fan-out";
    public const string TenantGroup = "approval-sla";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        using (db.DisableTenantFilter())
        {
            // Only companies with something overdue: most have nothing waiting past its time.
            var now = clock.GetUtcNow();
            ids = await db.Set<ApprovalRequestStep>().AsNoTracking().IgnoreAutoIncludes()
                .Where(s => s.Status == ErpSaaS.Approvals.ApprovalStepStatus.Active && s.DueAt < now && s.EscalatedAt == null)
                .Select(s => s.TenantId!.Value).Distinct().ToListAsync(cancellationToken);
        }
        var started = 0;
        foreach (var id in ids)
        {
            if (await tenants.FindAsync(id, cancellationToken) is not { IsWritable: true }) continue;
            var job = JobBuilder.Create<ApprovalSlaJob>().WithIdentity(id.ToString(), TenantGroup).UsingJobData(TenantJob.DataFor(id)).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(id.ToString(), TenantGroup).ForJob(job).StartNow().Build();
            await context.Scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            started++;
        }
        if (started > 0) logger.LogInformation("Approval SLA checks started for {Count} companies", started);
    }
}

public static class ApprovalsWebModule
{
    /// <summary>The approvals' menu entries and API.</summary>
    public static IServiceCollection AddErpApprovalsWeb(this IServiceCollection services) =>
        services.AddMenuContributor<ApprovalsMenuContributor>().AddEndpointContributor<ApprovalsApi>();

    /// <summary>The SLA check's fan-out on the clustered scheduler.</summary>
    public static IQuartzBuilder AddApprovalSla(this IQuartzBuilder quartz) =>
        quartz.ScheduleJob<ApprovalSlaFanOutJob>(
            trigger => trigger.WithIdentity(ApprovalSlaFanOutJob.Name, ErpScheduler.HostGroup).StartNow().WithSimpleSchedule(ApprovalSlaFanOutJob.Interval),
            job => job.WithIdentity(ApprovalSlaFanOutJob.Name, ErpScheduler.HostGroup));
}
