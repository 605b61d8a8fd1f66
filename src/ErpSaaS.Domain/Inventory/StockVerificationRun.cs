using ErpSaaS.Auditing;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>
/// One check that the kept balances equal the ledger's sums, nightly or on demand, with every difference it found.
/// A clean run has none; a difference means a balance was changed outside the ledger and needs a look.
/// </summary>
public sealed class StockVerificationRun : Entity, IMultiTenant, INotAudited
{
    private readonly List<StockVerificationDifference> _differences = [];

    private StockVerificationRun() { }

    public StockVerificationRun(StockVerificationTrigger trigger, DateTimeOffset ranAt, Guid? userId, int checkedRows, IEnumerable<StockDifference> differences)
    {
        Trigger = trigger;
        RanAt = ranAt;
        UserId = userId;
        CheckedRows = checkedRows;
        _differences.AddRange(differences.Select(d => new StockVerificationDifference(Id, d)));
        DifferenceCount = _differences.Count;
    }

    public Guid? TenantId { get; private set; }
    public StockVerificationTrigger Trigger { get; private set; }
    public DateTimeOffset RanAt { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>How many kept rows (balances, warehouse totals, pools) were compared.</summary>
    public int CheckedRows { get; private set; }
    public int DifferenceCount { get; private set; }
    public IReadOnlyList<StockVerificationDifference> Differences => _differences;
}

/// <summary>A kept figure and what the ledger says it should be.</summary>
public sealed record StockDifference(
    StockDifferenceKind Kind, Guid ProductId, Guid WarehouseId, Guid LocationId, string BatchNumber,
    decimal KeptQuantity, decimal LedgerQuantity, decimal KeptValue, decimal LedgerValue);

public sealed class StockVerificationDifference : Entity, IMultiTenant, INotAudited
{
    private StockVerificationDifference() { }

    internal StockVerificationDifference(Guid runId, StockDifference difference)
    {
        RunId = runId;
        Kind = difference.Kind;
        ProductId = difference.ProductId;
        WarehouseId = difference.WarehouseId;
        LocationId = difference.LocationId;
        BatchNumber = difference.BatchNumber;
        KeptQuantity = difference.KeptQuantity;
        LedgerQuantity = difference.LedgerQuantity;
        KeptValue = difference.KeptValue;
        LedgerValue = difference.LedgerValue;
    }

    public Guid? TenantId { get; private set; }
    public Guid RunId { get; private set; }
    public StockDifferenceKind Kind { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>The warehouse; for a company-wide valuation pool, <see cref="StockConsts.CompanyWide"/>.</summary>
    public Guid WarehouseId { get; private set; }
    public Guid LocationId { get; private set; }
    public string BatchNumber { get; private set; } = StockConsts.NoBatch;
    public decimal KeptQuantity { get; private set; }
    public decimal LedgerQuantity { get; private set; }
    public decimal KeptValue { get; private set; }
    public decimal LedgerValue { get; private set; }
}
