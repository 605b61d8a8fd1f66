using ErpSaaS.BackgroundJobs;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Menu;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ErpSaaS.Web.Inventory.Alerts;

/// <summary>
/// Once a day (host-side), starts one <see cref="StockAlertDigestJob"/> per company that may still write, each with
/// its tenant in the job data, so one company's failure or slowness holds up no other and every node of the
/// cluster can take a share. A company's digest is idempotent by date, so a re-run the same day sends nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StockAlertDigestFanOutJob(ErpDbContext db, ITenantStore tenants, ILogger<StockAlertDigestFanOutJob> logger) : IJob
{
    public const string Name = "stock-alert-digest-fan-out";
    public const string TenantGroup = "stock-alert-digest";
    public const string Schedule = "0 0 0 * * ?"; // 00:00 UTC: 08:00 in China, before the working day

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        using (db.DisableTenantFilter())
        {
            ids = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken);
        }
        var started = 0;
        foreach (var id in ids)
        {
            if (await tenants.FindAsync(id, cancellationToken) is not { IsWritable: true }) continue;
            var job = JobBuilder.Create<StockAlertDigestJob>().WithIdentity(id.ToString(), TenantGroup).UsingJobData(TenantJob.DataFor(id)).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(id.ToString(), TenantGroup).ForJob(job).StartNow().Build();
            await context.Scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            started++;
        }
        logger.LogInformation("Stock alert digests started for {Count} companies", started);
    }
}

public static class StockAlertsWebRegistration
{
    /// <summary>The alerts' menu entries.</summary>
    public static IServiceCollection AddErpStockAlertsWeb(this IServiceCollection services) =>
        services.AddMenuContributor<StockAlertsMenuContributor>();

    /// <summary>The daily digest's fan-out on the clustered scheduler.</summary>
    public static IQuartzBuilder AddStockAlertDigest(this IQuartzBuilder quartz) =>
        quartz.ScheduleJob<StockAlertDigestFanOutJob>(
            trigger => trigger.WithIdentity(StockAlertDigestFanOutJob.Name, ErpScheduler.HostGroup)
                .WithCronSchedule(StockAlertDigestFanOutJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(StockAlertDigestFanOutJob.Name, ErpScheduler.HostGroup));
}
