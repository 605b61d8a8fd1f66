using ErpSaaS.Billing;
using Quartz;

namespace ErpSaaS.Web.Jobs;

/// <summary>Every 15 minutes (host-side, all tenants): ended trials and grace periods move on, trial reminders go out.</summary>
[DisallowConcurrentExecution]
public sealed class SubscriptionLifecycleJob(SubscriptionLifecycle lifecycle, ILogger<SubscriptionLifecycleJob> logger) : IJob
{
    public const string Name = "subscription-lifecycle";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (changes, reminders) = await lifecycle.RunAsync(cancellationToken);
        logger.LogInformation("Subscription lifecycle: {Changes} tenants re-evaluated, {Reminders} trial reminders queued", changes, reminders);
    }
}
