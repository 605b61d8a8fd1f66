using ErpSaaS.Outbox;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSaaS.EntityFrameworkCore.Outbox;

/// <summary>
/// Carries out due outbox messages. A batch is claimed host-side with <c>FOR UPDATE SKIP LOCKED</c> and stays
/// locked until its outcomes are committed, so dispatchers on several instances never take the same message.
/// Each message is handled in a scope of its own that acts for the message's tenant. A handler that throws
/// has its message retried with backoff, then dead-lettered; a message nobody handles is dead-lettered at once.
/// Delivery is at least once: if the dispatcher dies before committing, the batch is handled again.
/// A message lives in the database of the transaction that wrote it, so the shared database is drained first, then
/// each database of its own that a tenant was given.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int DefaultBatchSize = 20;

    /// <summary>
    /// In every database, handles batches until one comes back short (nothing more is due, or the rest is locked by
    /// another dispatcher) or <paramref name="maxBatches"/> are done; returns how many messages it handled. A database
    /// that fails is logged and skipped until the next run.
    /// </summary>
    public async Task<int> DispatchDueAsync(int maxBatches = 50, CancellationToken cancellationToken = default)
    {
        var handled = 0;
        foreach (var database in await DatabasesAsync(cancellationToken))
        {
            try
            {
                for (var batch = 0; batch < maxBatches && !cancellationToken.IsCancellationRequested; batch++)
                {
                    var inBatch = await DispatchBatchAsync(database, DefaultBatchSize, cancellationToken);
                    handled += inBatch;
                    if (inBatch < DefaultBatchSize) break;
                }
            }
            catch (Exception error) when (database is not null && !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(error, "Dispatching the outbox of the own database of tenant {TenantId} failed", database);
            }
        }
        return handled;
    }

    /// <summary>Claims and handles up to <paramref name="batchSize"/> due messages of the shared database; returns how many it handled.</summary>
    public Task<int> DispatchBatchAsync(int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default) =>
        DispatchBatchAsync(null, batchSize, cancellationToken);

    /// <param name="database">null for the shared database, else a tenant whose own database it is.</param>
    private async Task<int> DispatchBatchAsync(Guid? database, int batchSize, CancellationToken cancellationToken)
    {
        await using var hostScope = DatabaseScope(database);
        var db = hostScope.ServiceProvider.GetRequiredService<ErpDbContext>();
        using var allTenants = db.DisableTenantFilter();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.FromSql($"""
            SELECT * FROM outbox_messages
            WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var message in due)
        {
            try
            {
                await DispatchAsync(message, cancellationToken);
                handled++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: keep what was done; the rest stays due for the next run.
                break;
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return handled;
    }

    /// <summary>
    /// Deletes messages processed more than <paramref name="retention"/> ago, in every tenant (one set-based
    /// statement); dead letters stay until the operator requeues them. Returns how many were deleted.
    /// </summary>
    public async Task<int> PurgeProcessedAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - retention;
        var deleted = 0;
        foreach (var database in await DatabasesAsync(cancellationToken))
        {
            await using var scope = DatabaseScope(database);
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            using var allTenants = db.DisableTenantFilter();
            deleted += await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        return deleted;
    }

    /// <summary>
    /// The databases that hold outbox messages: the shared one (null), then one tenant for each distinct database of
    /// its own (a context created for that tenant connects to it).
    /// </summary>
    private async Task<List<Guid?>> DatabasesAsync(CancellationToken cancellationToken)
    {
        await using var scope = DatabaseScope(null);
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var shared = db.Database.GetConnectionString();
        var own = await db.Tenants.AsNoTracking()
            .Where(t => t.ConnectionString != null && t.ConnectionString != shared)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.ConnectionString })
            .ToListAsync(cancellationToken);
        return [null, .. own.DistinctBy(t => t.ConnectionString, StringComparer.Ordinal).Select(t => (Guid?)t.Id)];
    }

    /// <summary>A scope whose DbContext connects to <paramref name="database"/>: the tenant is set before the context is created.</summary>
    private AsyncServiceScope DatabaseScope(Guid? database)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(database);
        return scope;
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["TenantId"] = message.TenantId,
            ["OutboxMessageId"] = message.Id,
            ["OutboxMessageType"] = message.Type,
        });
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The tenant first: everything resolved after this (the handler, its DbContext) acts for it.
            scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(message.TenantId);
            var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>()
                .Where(h => string.Equals(h.Type, message.Type, StringComparison.Ordinal))
                .ToList();
            if (handlers.Count == 0)
            {
                message.DeadLetter($"No handler is registered for outbox messages of type '{message.Type}'.", clock.GetUtcNow());
                logger.LogError("Outbox message {OutboxMessageId} of unknown type {OutboxMessageType} was dead-lettered", message.Id, message.Type);
                return;
            }
            if (handlers.Count > 1)
            {
                throw new InvalidOperationException(
                    $"Outbox message type '{message.Type}' has {handlers.Count} handlers: {string.Join(", ", handlers.Select(h => h.GetType().Name))}.");
            }
            await handlers[0].HandleAsync(message, cancellationToken);
            message.MarkProcessed(clock.GetUtcNow());
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            message.MarkFailed($"{error.GetType().Name}: {error.Message}", clock.GetUtcNow(), Random.Shared.NextDouble());
            if (message.DeadLetteredAt is null)
            {
                logger.LogWarning(error, "Outbox message {OutboxMessageId} failed (attempt {Attempt}); retrying at {NextAttemptAt}",
                    message.Id, message.Attempts, message.NextAttemptAt);
            }
            else
            {
                logger.LogError(error, "Outbox message {OutboxMessageId} was dead-lettered after {Attempt} attempts", message.Id, message.Attempts);
            }
        }
    }
}
