using ErpSaaS.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Outbox;

/// <summary>Host-side outbox status for the operator; reads and requeues across all tenants, explicitly.</summary>
internal sealed class OutboxMonitor(ErpDbContext db, TimeProvider clock) : IOutboxMonitor
{
    public async Task<IReadOnlyDictionary<OutboxMessageState, int>> CountByStateAsync(CancellationToken cancellationToken = default)
    {
        using var allTenants = HostOnly();
        var counts = await db.OutboxMessages
            .GroupBy(m => m.ProcessedAt != null ? (int)OutboxMessageState.Processed
                : m.DeadLetteredAt != null ? (int)OutboxMessageState.DeadLettered
                : m.Attempts > 0 ? (int)OutboxMessageState.Retrying
                : (int)OutboxMessageState.Pending)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<OutboxMessageState>()
            .ToDictionary(s => s, s => counts.FirstOrDefault(c => c.State == (int)s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<OutboxMessage>> RecentDeadLetteredAsync(int take, CancellationToken cancellationToken = default)
    {
        using var allTenants = HostOnly();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeadLetteredAt != null)
            .OrderByDescending(m => m.DeadLetteredAt)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> RequeueAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        using var allTenants = HostOnly();
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.DeadLetteredAt != null, cancellationToken);
        if (message is null) return false;
        message.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private IDisposable HostOnly()
    {
        if (!db.CurrentTenant.IsHost)
        {
            throw new InvalidOperationException("The outbox of all tenants is the platform operator's to see; a tenant sees none of it.");
        }
        return db.DisableTenantFilter();
    }
}
