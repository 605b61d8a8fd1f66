using Quartz;

namespace ErpSaaS.Web.Jobs;

public sealed record TriggerStatus(
    string Group, string Name, string Job, TriggerState State, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime, string? Description);

public sealed record ClusterNodeStatus(string InstanceId, DateTimeOffset? LastCheckIn, string State, bool IsThisInstance);

/// <param name="Enabled">False when this instance runs no scheduler (<c>Jobs:Enabled</c> = false).</param>
/// <param name="MoreTriggers">True when there are more triggers than <see cref="Triggers"/> lists.</param>
public sealed record SchedulerOverview(bool Enabled, bool Started, IReadOnlyList<ClusterNodeStatus> Nodes, IReadOnlyList<TriggerStatus> Triggers, bool MoreTriggers)
{
    public static SchedulerOverview Disabled { get; } = new(false, false, [], [], false);
}

/// <summary>What the operator's jobs page shows of the scheduler: its cluster nodes and every trigger's state and fire times.</summary>
public sealed class SchedulerStatusReader(ISchedulerFactory? schedulers = null)
{
    public async Task<SchedulerOverview> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (schedulers is null) return SchedulerOverview.Disabled;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nodes = await scheduler.QueryClusterNodes(cancellationToken);
        // The first page (250, by group and name) is what a page of HTML can show anyway.
        var triggers = await scheduler.QueryTriggers(new TriggerQuery(), cancellationToken);
        return new SchedulerOverview(
            true,
            scheduler.Status == SchedulerStatus.Running,
            nodes.Select(n => new ClusterNodeStatus(n.InstanceId, n.LastCheckInUtc, n.State.ToString(), n.IsCurrentNode)).ToList(),
            triggers.Items.Select(t => new TriggerStatus(t.Key.Group, t.Key.Name, t.JobKey.ToString(), t.State, t.NextFireTimeUtc, t.PreviousFireTimeUtc, t.Description))
                .OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
                .ToList(),
            triggers.HasMore);
    }
}
