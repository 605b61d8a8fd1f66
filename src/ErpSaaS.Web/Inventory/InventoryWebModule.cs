using ErpSaaS.BackgroundJobs;
using ErpSaaS.Inventory;
using ErpSaaS.Web.Menu;
using Quartz;

namespace ErpSaaS.Web.Inventory;

public static class InventoryWebModule
{
    /// <summary>The inventory menu and, with jobs enabled, the nightly check of every company's balances against its ledger.</summary>
    public static IServiceCollection AddErpInventoryWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMenuContributor<InventoryMenuContributor>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddQuartz(quartz => quartz.ScheduleJob<StockVerificationNightlyJob>(
                trigger => trigger.WithIdentity(StockVerificationNightlyJob.Name, ErpScheduler.HostGroup)
                    .WithCronSchedule(StockVerificationNightlyJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(StockVerificationNightlyJob.Name, ErpScheduler.HostGroup)));
        }
        return services;
    }
}
