using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// Moves stock from one warehouse or bin to another (调拨). Posting issues every line at its source first; the ledger
/// tells what each issue cost, and the receipts at the destinations carry exactly that cost, so the company's stock
/// value does not change by moving goods.
/// </summary>
public sealed class StockTransfer : StockDocument
{
    private readonly List<StockTransferLine> _lines = [];

    private StockTransfer() { }

    internal StockTransfer(string number, Guid requestId, string? comment, StockDocumentActor actor)
        : base(StockDocumentKind.Transfer, number, requestId, comment, actor)
    {
    }

    public IReadOnlyList<StockTransferLine> Lines => _lines;

    /// <summary>Whether some line leaves its warehouse (the plan's multi-warehouse feature), not just its bin.</summary>
    public bool CrossesWarehouses => _lines.Any(l => l.FromWarehouseId != l.ToWarehouseId);

    public void ReplaceLines(IReadOnlyList<TransferLineDetails> lines, StockDocumentActor actor)
    {
        EnsureDraft();
        StockLineRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new StockTransferLine(Id, index, line)).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        Touch(actor);
    }

    internal StockPosting BeginIssues(DateTimeOffset at)
    {
        EnsureDraft();
        if (_lines.Count == 0) throw new BusinessException(StockDocumentErrorCodes.LinesRequired);
        return new StockPosting(StockSourceTypes.Transfer, Id, Number, at, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = l.FromWarehouseId, LocationId = l.FromLocationId,
            BatchNumber = l.BatchNumber, Quantity = -l.BaseQuantity,
        }).ToList());
    }

    /// <summary>The receipts at the destinations, each at the cost its issue carried; a batch keeps its expiry.</summary>
    internal StockPosting Receipts(DateTimeOffset at, IReadOnlyList<PostedMovement> issues, IReadOnlyDictionary<(Guid ProductId, string BatchNumber), DateOnly?> batchExpiries) =>
        new(StockSourceTypes.Transfer, Id, Number, at, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = l.ToWarehouseId, LocationId = l.ToLocationId,
            BatchNumber = l.BatchNumber, ExpiryDate = l.BatchNumber is null ? null : batchExpiries.GetValueOrDefault((l.ProductId, l.BatchNumber)),
            Quantity = l.BaseQuantity, UnitCost = issues.Single(p => p.LineNumber == l.LineNumber).UnitCost,
        }).ToList());

    internal void CompletePosting(IReadOnlyList<PostedMovement> issues, IReadOnlyList<PostedMovement> receipts, StockDocumentActor actor)
    {
        foreach (var line in _lines)
        {
            line.RecordPosted(issues.Single(p => p.LineNumber == line.LineNumber), receipts.Single(p => p.LineNumber == line.LineNumber));
        }
        MoveTo(StockDocumentStatus.Posted, actor);
    }
}

public sealed class StockTransferLine : Entity, IMultiTenant
{
    private StockTransferLine() { }

    internal StockTransferLine(Guid documentId, int index, TransferLineDetails details)
    {
        var product = details.Product;
        if (details.Quantity <= 0m)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "Quantity"), StockDocumentErrorCodes.QuantityMustBePositive);
        }
        if (details.FromWarehouseId == details.ToWarehouseId && details.FromLocationId == details.ToLocationId)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "ToLocation"), StockDocumentErrorCodes.TransferToSamePlace);
        }
        DocumentId = documentId;
        LineNumber = index + 1;
        ProductId = product.Id;
        FromWarehouseId = details.FromWarehouseId;
        FromLocationId = details.FromLocationId;
        BatchNumber = StockLineRules.Batch(product, details.BatchNumber, index);
        ToWarehouseId = details.ToWarehouseId;
        ToLocationId = details.ToLocationId;
        Unit = StockLineRules.UnitOf(product, details.Unit, index);
        Quantity = details.Quantity;
        BaseQuantity = StockLineRules.ToBase(product, details.Quantity, Unit, index);
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid FromWarehouseId { get; private set; }
    public Guid? FromLocationId { get; private set; }
    public string? BatchNumber { get; private set; }
    public Guid ToWarehouseId { get; private set; }
    public Guid? ToLocationId { get; private set; }
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }

    /// <summary>What one base unit cost when it left the source; the destination received it at the same cost.</summary>
    public decimal? PostedUnitCost { get; private set; }
    public decimal? IssuedValue { get; private set; }
    public decimal? ReceivedValue { get; private set; }

    internal void RecordPosted(PostedMovement issue, PostedMovement receipt)
    {
        PostedUnitCost = issue.UnitCost;
        IssuedValue = Math.Abs(issue.Value);
        ReceivedValue = receipt.Value;
    }
}

public sealed record TransferLineDetails(
    Product Product, Guid FromWarehouseId, Guid? FromLocationId, string? BatchNumber, Guid ToWarehouseId, Guid? ToLocationId, decimal Quantity, string? Unit);
