using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>
/// One quantity change of one product at one warehouse, bin and batch: the immutable 库存流水 every balance derives
/// from. Written only by <see cref="IStockLedger"/>; never deleted, and never changed except its valuation (value, unit
/// cost and the pool's running figures), which a backdated posting recomputes. Corrections are new entries.
/// </summary>
public sealed class StockLedgerEntry : Entity, IMultiTenant, INotAudited
{
    private StockLedgerEntry() { }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }

    /// <summary>The bin, or <see cref="StockConsts.NoLocation"/>.</summary>
    public Guid LocationId { get; private set; }

    /// <summary>The batch (lot), or <see cref="StockConsts.NoBatch"/>.</summary>
    public string BatchNumber { get; private set; } = StockConsts.NoBatch;
    public DateOnly? ExpiryDate { get; private set; }

    /// <summary>Signed, in the product's base unit: + in, − out.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Whether the source gave the unit cost (a purchase receipt, a return) rather than the valuation.</summary>
    public bool IsCostGiven { get; private set; }

    /// <summary>The valuation pool: <see cref="StockConsts.CompanyWide"/> or the warehouse, by the company's valuation scope.</summary>
    public Guid ValuationKey { get; private set; }

    public string SourceType { get; private set; } = null!;
    public Guid SourceId { get; private set; }
    public string SourceNumber { get; private set; } = null!;
    public int SourceLine { get; private set; }

    /// <summary>When the movement happened (may lie before entries written earlier: a backdated posting).</summary>
    public DateTimeOffset PostedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>Write order; breaks ties between entries posted at the same time.</summary>
    public long Sequence { get; private set; }
}

/// <summary>
/// The valuation of one ledger entry (same id): what a backdated posting recomputes for every later entry of the pool.
/// Kept apart from the entry so that a revaluation rewrites these narrow rows, not the wide ledger rows and their indexes.
/// </summary>
public sealed class StockEntryValuation : Entity, IMultiTenant, INotAudited
{
    private StockEntryValuation() { }

    public Guid? TenantId { get; private set; }

    /// <summary>Cost of one unit of this movement (what it came in at, or what it went out at).</summary>
    public decimal UnitCost { get; private set; }

    /// <summary>Signed value in the base currency; the pool's value changes by exactly this amount.</summary>
    public decimal Value { get; private set; }

    /// <summary>The pool's quantity and value right after this entry, in posting order.</summary>
    public decimal QuantityAfter { get; private set; }
    public decimal ValueAfter { get; private set; }
}
