namespace ErpSaaS.Inventory;

/// <summary>
/// A backdated posting in front of a long history values the pool, its balances and its own entries at once, and
/// leaves the per-entry figures of the later entries (unit cost, value, running quantity and value) to be rewritten
/// afterwards: a million rows take far longer to write than the figures a user waits for take to compute. Until
/// then the pool carries <see cref="StockValuation.RevalueFrom"/>; whatever shows per-entry figures (a product's
/// movements, the value at a date, the verification) brings them up to date first. They are rewritten in chunks, each
/// in a transaction of its own, so the product's postings go on between two chunks.
/// </summary>
public interface IStockRevaluations
{
    /// <summary>Outbox message type that rewrites the pending entries of one product right after the posting commits.</summary>
    public const string OutboxType = "stock.revaluation";

    /// <summary>
    /// Rewrites the pending per-entry figures of the current company's pools (of one product, if given); inside the
    /// caller's transaction, or in one of its own. Returns the number of pools brought up to date.
    /// </summary>
    Task<int> SettleAsync(Guid? productId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rewrites the next chunk of one product's pending entries and moves its pools' pending start past them, in the
    /// caller's transaction or in one of its own (which holds the product's lock for this chunk only). Returns whether
    /// entries of the product still wait. <see cref="SettleAsync"/> repeats it until none do.
    /// </summary>
    Task<bool> SettleChunkAsync(Guid productId, CancellationToken cancellationToken = default);
}

/// <summary>The payload of <see cref="IStockRevaluations.OutboxType"/>.</summary>
public sealed record StockRevaluationMessage(Guid ProductId);
