namespace ErpSaaS.Inventory;

/// <summary>
/// One line of a stock posting: a signed quantity in the product's base unit (+ in, − out) at a warehouse, optionally
/// a bin and a batch. A receipt carries its unit cost; an issue leaves it null and is costed by the product's
/// valuation method (moving average or FIFO).
/// </summary>
public sealed record StockMovement
{
    public required Guid ProductId { get; init; }
    public required Guid WarehouseId { get; init; }
    public Guid? LocationId { get; init; }
    public string? BatchNumber { get; init; }
    public DateOnly? ExpiryDate { get; init; }
    public required decimal Quantity { get; init; }

    /// <summary>Cost of one base unit received; null for issues, and for receipts that should come in at the current average cost.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>The source document's line this movement belongs to (for tracing and for the returned costs).</summary>
    public int LineNumber { get; init; }
}

/// <summary>
/// What a stock document posts, all or nothing: the source (type, id, number) that every ledger entry points back to,
/// and the time the movement happened (may be in the past: a backdated posting revalues what came after it).
/// </summary>
public sealed record StockPosting(string SourceType, Guid SourceId, string SourceNumber, DateTimeOffset PostedAt, IReadOnlyList<StockMovement> Movements)
{
    /// <summary>
    /// Issues normally leave reserved stock alone (on hand never drops below what is promised). A stock count or an
    /// adjustment records what is physically there and may take reserved stock (never below zero, unless the
    /// company allows negative stock); so may a delivery that releases its own reservation in the same transaction.
    /// </summary>
    public bool MayTakeReservedStock { get; init; }
}

/// <summary>A movement as posted: the ledger entry written and the cost it carried (issues learn their cost here).</summary>
public sealed record PostedMovement(int LineNumber, Guid EntryId, decimal Quantity, decimal UnitCost, decimal Value);

/// <summary>Source document types of ledger entries; each module adds its own.</summary>
public static class StockSourceTypes
{
    public const string Opening = "Opening";
    public const string Transfer = "Transfer";
    public const string Adjustment = "Adjustment";
    public const string StockCount = "StockCount";
}

/// <summary>
/// The only way stock changes. Writes append-only ledger entries and updates the balances in the caller's
/// transaction (call inside <c>IUnitOfWork.InTransactionAsync</c>); concurrent postings never lose an update,
/// never deadlock, and never take a balance below zero unless the company allows negative stock
/// (refused with <c>InventoryErrorCodes.InsufficientStock</c>).
/// </summary>
/// <remarks>
/// Movements are valued in the order given. A receipt without a unit cost comes in at the pool's current cost, so a
/// transfer under per-warehouse valuation posts the issue first and passes its returned cost to the receipt. Errors
/// about one movement name the field <c>Movements[i].Quantity</c> (i = index in <see cref="StockPosting.Movements"/>).
/// </remarks>
public interface IStockLedger
{
    Task<IReadOnlyList<PostedMovement>> PostAsync(StockPosting posting, CancellationToken cancellationToken = default);
}
