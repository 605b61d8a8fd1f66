using ErpSaaS.EntityFrameworkCore.Outbox;
using Quartz;

namespace ErpSaaS.Web.Jobs;

/// <summary>Once a night, deletes outbox messages that were carried out more than a week ago (host-side, all tenants).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxPurgeJob(OutboxDispatcher dispatcher, ILogger<OutboxPurgeJob> logger) : IJob
{
    public const string Name = "outbox-purge";
    public const string Schedule = "0 30 3 * * ?"; // 03:30 UTC, after the day's traffic
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var deleted = await dispatcher.PurgeProcessedAsync(Retention, cancellationToken);
        logger.LogInformation("Purged {Count} processed outbox messages older than {Retention}", deleted, Retention);
    }
}
