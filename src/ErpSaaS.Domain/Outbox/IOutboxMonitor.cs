namespace ErpSaaS.Outbox;

/// <summary>The operator's view of the outbox across all tenants (host side only).</summary>
public interface IOutboxMonitor
{
    Task<IReadOnlyDictionary<OutboxMessageState, int>> CountByStateAsync(CancellationToken cancellationToken = default);

    /// <summary>The most recently dead-lettered messages, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> RecentDeadLetteredAsync(int take, CancellationToken cancellationToken = default);

    /// <summary>Gives a dead-lettered message another go; false when there is no such dead-lettered message.</summary>
    Task<bool> RequeueAsync(Guid messageId, CancellationToken cancellationToken = default);
}
