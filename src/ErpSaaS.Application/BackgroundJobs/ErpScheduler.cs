using Quartz;

namespace ErpSaaS.BackgroundJobs;

/// <summary>
/// How every instance of the app keeps its schedule: one Quartz scheduler named <see cref="Name"/> per
/// instance, all sharing the PostgreSQL job store (tables <see cref="TablePrefix"/>*, created by the migrations)
/// as a cluster, so a firing runs on exactly one instance and a dead instance's work is recovered by another.
/// </summary>
public static class ErpScheduler
{
    public const string Name = "ErpSaaS";
    public const string TablePrefix = "qrtz_";

    /// <summary>Jobs of the platform itself (outbox dispatch, trial expiry), as opposed to one tenant's jobs.</summary>
    public const string HostGroup = "host";

    public static IQuartzBuilder UseErpJobStore(this IQuartzBuilder quartz, string connectionString)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = Name;
            scheduler.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseClustering();
            store.UseSystemTextJsonSerializer();
            store.ConfigureStore(options => options.TablePrefix = TablePrefix);
        });
        return quartz;
    }
}
