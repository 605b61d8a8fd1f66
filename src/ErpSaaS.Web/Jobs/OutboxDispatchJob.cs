using ErpSaaS.EntityFrameworkCore.Outbox;
using Quartz;

namespace ErpSaaS.Web.Jobs;

/// <summary>
/// Carries out due outbox messages every few seconds. Host-side on purpose: it is not a tenant job, the
/// dispatcher runs each message inside the tenant that wrote it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public const string Name = "outbox-dispatch";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Bounds one run, so a flood of messages cannot hold the job (and the other nodes' turn) for long.
    private const int MaxBatchesPerRun = 50;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(MaxBatchesPerRun, cancellationToken);
}
