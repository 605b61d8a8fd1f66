using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>
/// What lies at one (product, warehouse, bin, batch): on hand, reserved and their value. Kept by
/// <see cref="IStockLedger"/> and <see cref="IStockReservations"/> in the transaction that writes the ledger; always
/// equal to the ledger's sums (the verification proves it). Keys are never null: no bin is
/// <see cref="StockConsts.NoLocation"/>, no batch is <see cref="StockConsts.NoBatch"/>.
/// </summary>
public sealed class StockBalance : Entity, IMultiTenant, INotAudited
{
    private StockBalance() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public Guid LocationId { get; private set; }
    public string BatchNumber { get; private set; } = StockConsts.NoBatch;
    public DateOnly? ExpiryDate { get; private set; }
    public decimal OnHand { get; private set; }
    public decimal Reserved { get; private set; }

    /// <summary>On hand − reserved, computed by the database.</summary>
    public decimal Available { get; private set; }
    public decimal Value { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>
/// A product's totals in one warehouse: on hand and reserved over all bins and batches, plus what purchasing has on
/// order and production has planned. Its row is the lock a posting or a reservation takes per (product, warehouse),
/// always in the order of the keys, so concurrent postings never deadlock and never oversell.
/// </summary>
public sealed class StockWarehouseBalance : Entity, IMultiTenant, INotAudited
{
    private StockWarehouseBalance() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public decimal OnHand { get; private set; }
    public decimal Reserved { get; private set; }

    /// <summary>On hand − reserved, computed by the database.</summary>
    public decimal Available { get; private set; }

    /// <summary>Ordered from suppliers and not yet received (fed by purchasing).</summary>
    public decimal OnOrder { get; private set; }

    /// <summary>Planned to be made and not yet reported (fed by production and MRP).</summary>
    public decimal Planned { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>
/// A product's valuation pool (company-wide, or one warehouse's): the quantity and value the ledger's running
/// figures end with, and the unit cost an entry falls back to when the pool holds nothing to average (moving
/// average: the last entry's unit cost; FIFO: the last receipt's). <see cref="LastPostedAt"/> tells a backdated
/// posting from one that comes after everything.
/// </summary>
public sealed class StockValuation : Entity, IMultiTenant, INotAudited
{
    private StockValuation() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid ValuationKey { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal Value { get; private set; }
    public decimal LastUnitCost { get; private set; }
    public DateTimeOffset? LastPostedAt { get; private set; }

    /// <summary>
    /// Set when a backdated posting revalued more later entries than it rewrites at once: the pool's own figures and
    /// its balances' values are exact, but the running figures of its entries posted at or after this instant still
    /// wait to be rewritten (<see cref="IStockRevaluations"/>, right after the posting commits, and before anything
    /// reads them).
    /// </summary>
    public DateTimeOffset? RevalueFrom { get; private set; }

    /// <summary>
    /// With <see cref="RevalueFrom"/>: the write order of the first pending entry at that instant, once part of the
    /// pending entries has been rewritten (they are rewritten in chunks); null when every entry at that instant waits.
    /// </summary>
    public long? RevalueFromSequence { get; private set; }
}

/// <summary>
/// A FIFO layer: what one receipt brought into a pool at its unit cost and how much of it is still there. Issues
/// consume the oldest layers first (by posting time, then write order).
/// </summary>
public sealed class StockCostLayer : Entity, IMultiTenant, INotAudited
{
    private StockCostLayer() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid ValuationKey { get; private set; }

    /// <summary>The receipt's ledger entry (the layer's id is the entry's id).</summary>
    public DateTimeOffset PostedAt { get; private set; }
    public long Sequence { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal Remaining { get; private set; }
    public decimal UnitCost { get; private set; }
}
