using ErpSaaS.BackgroundJobs;
using ErpSaaS.Web.Jobs;
using Quartz;

namespace ErpSaaS.Web;

public static class ErpJobsModule
{
    /// <summary>
    /// The clustered Quartz scheduler (see <see cref="ErpScheduler"/>) and the platform's recurring jobs,
    /// unless <c>Jobs:Enabled</c> is false (tests that do not need a scheduler).
    /// </summary>
    public static IServiceCollection AddErpJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // The operator's page reads the scheduler if there is one and says so if there is not.
        services.AddSingleton<SchedulerStatusReader>();
        if (!configuration.GetValue("Jobs:Enabled", true)) return services;
        // The application role may use the qrtz_ tables; the job store needs no owner rights.
        var connectionString = configuration.GetConnectionString("Default")
                               ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
        services.AddQuartz(quartz =>
        {
            quartz.UseErpJobStore(connectionString);
            quartz.ScheduleJob<OutboxDispatchJob>(
                trigger => trigger.WithIdentity(OutboxDispatchJob.Name, ErpScheduler.HostGroup).StartNow().WithSimpleSchedule(OutboxDispatchJob.Interval),
                job => job.WithIdentity(OutboxDispatchJob.Name, ErpScheduler.HostGroup));
            quartz.ScheduleJob<OutboxPurgeJob>(
                trigger => trigger.WithIdentity(OutboxPurgeJob.Name, ErpScheduler.HostGroup).WithCronSchedule(OutboxPurgeJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(OutboxPurgeJob.Name, ErpScheduler.HostGroup));
            quartz.ScheduleJob<SubscriptionLifecycleJob>(
                trigger => trigger.WithIdentity(SubscriptionLifecycleJob.Name, ErpScheduler.HostGroup).StartNow().WithSimpleSchedule(SubscriptionLifecycleJob.Interval),
                job => job.WithIdentity(SubscriptionLifecycleJob.Name, ErpScheduler.HostGroup));
            ErpSaaS.Web.Inventory.Alerts.StockAlertsWebRegistration.AddStockAlertDigest(quartz);
            ErpSaaS.Web.Approvals.ApprovalsWebModule.AddApprovalSla(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
