using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// Corrects stock for a stated reason (调整): damage, loss and expiry write-offs take stock out, found stock comes in,
/// "other" goes either way but must say why in the comment. An increase comes in at the cost entered, or at the
/// current average cost when none is given; a decrease leaves at the cost the ledger's valuation gives it.
/// Posting goes through the company's stock adjustment approval flow: held, the adjustment waits as pending approval
/// (not editable, nothing posted) and posts when its last step approves; rejected, it is a draft again with the reason.
/// </summary>
public sealed class StockAdjustment : StockDocument
{
    private readonly List<StockAdjustmentLine> _lines = [];

    private StockAdjustment() { }

    internal StockAdjustment(string number, Guid requestId, AdjustmentReason reason, string? comment, StockDocumentActor actor)
        : base(StockDocumentKind.Adjustment, number, requestId, comment, actor)
    {
        CheckCommentGiven(reason, Comment);
        Reason = reason;
    }

    public AdjustmentReason Reason { get; private set; }
    public IReadOnlyList<StockAdjustmentLine> Lines => _lines;

    /// <summary>Reason, comment and lines change together: the reason decides which way the lines may go.</summary>
    public void Revise(AdjustmentReason reason, string? comment, IReadOnlyList<AdjustmentLineDetails> lines, StockDocumentActor actor)
    {
        EnsureDraft();
        CheckCommentGiven(reason, NormalizeComment(comment));
        StockLineRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) =>
        {
            CheckDirection(reason, line.Quantity, index);
            return new StockAdjustmentLine(Id, index, line, actor.Today);
        }).ToList();
        Reason = reason;
        ChangeComment(comment, actor);
        _lines.Clear();
        _lines.AddRange(built);
    }

    /// <summary>The draft may be put up for posting: it has lines (checked before approval starts, so no empty document waits).</summary>
    public void CheckPostable()
    {
        EnsureDraft();
        if (_lines.Count == 0) throw new BusinessException(StockDocumentErrorCodes.LinesRequired);
    }

    /// <summary>The approval flow holds the adjustment: it waits, unchanged and not posted, for the approvers.</summary>
    public void AwaitApproval(StockDocumentActor actor)
    {
        CheckPostable();
        MoveTo(StockDocumentStatus.PendingApproval, actor);
    }

    /// <summary>An approver refused the adjustment: a draft again, the reason on the timeline.</summary>
    public void Reject(StockDocumentActor actor, string? reason)
    {
        if (Status != StockDocumentStatus.PendingApproval) throw new BusinessException(StockDocumentErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(StockDocumentStatus.Draft, actor, reason);
    }

    internal StockPosting BeginPosting(DateTimeOffset at)
    {
        // A draft posts when no approval holds it; a held one when its last approver approves.
        if (Status != StockDocumentStatus.PendingApproval) CheckPostable();
        else if (_lines.Count == 0) throw new BusinessException(StockDocumentErrorCodes.LinesRequired);
        return new StockPosting(StockSourceTypes.Adjustment, Id, Number, at, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = l.WarehouseId, LocationId = l.LocationId,
            BatchNumber = l.BatchNumber, ExpiryDate = l.ExpiryDate, Quantity = l.BaseQuantity, UnitCost = l.BaseUnitCost,
        }).ToList())
        {
            // An adjustment records what physically happened (damaged goods are gone, reserved or not).
            MayTakeReservedStock = true,
        };
    }

    internal void CompletePosting(IReadOnlyList<PostedMovement> posted, StockDocumentActor actor, string? comment = null)
    {
        foreach (var line in _lines) line.RecordPosted(posted.Single(p => p.LineNumber == line.LineNumber));
        MoveTo(StockDocumentStatus.Posted, actor, comment);
    }

    private static void CheckCommentGiven(AdjustmentReason reason, string? comment)
    {
        if (reason == AdjustmentReason.Other && comment is null)
        {
            throw BusinessException.ForField(nameof(Comment), StockDocumentErrorCodes.AdjustmentCommentRequired);
        }
    }

    private static void CheckDirection(AdjustmentReason reason, decimal quantity, int index)
    {
        if (quantity == 0m) throw BusinessException.ForField(StockLineRules.Field(index, "Quantity"), StockDocumentErrorCodes.QuantityMustNotBeZero);
        var decreasesOnly = reason is AdjustmentReason.Damage or AdjustmentReason.Loss or AdjustmentReason.ExpiryWriteOff;
        if (decreasesOnly && quantity > 0m)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "Quantity"), StockDocumentErrorCodes.AdjustmentOnlyDecreases);
        }
        if (reason == AdjustmentReason.Found && quantity < 0m)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "Quantity"), StockDocumentErrorCodes.AdjustmentOnlyIncreases);
        }
    }
}

/// <summary>One adjustment line: + brings stock in, − takes it out (in any unit of the product).</summary>
public sealed class StockAdjustmentLine : Entity, IMultiTenant
{
    private StockAdjustmentLine() { }

    internal StockAdjustmentLine(Guid documentId, int index, AdjustmentLineDetails details, DateOnly today)
    {
        var product = details.Product;
        DocumentId = documentId;
        LineNumber = index + 1;
        ProductId = product.Id;
        WarehouseId = details.WarehouseId;
        LocationId = details.LocationId;
        BatchNumber = StockLineRules.Batch(product, details.BatchNumber, index);
        Unit = StockLineRules.UnitOf(product, details.Unit, index);
        Quantity = details.Quantity;
        BaseQuantity = StockLineRules.ToBase(product, details.Quantity, Unit, index);
        if (details.Quantity > 0m)
        {
            // A decrease takes the batch's own expiry with it; only stock coming in may state one.
            ExpiryDate = StockLineRules.ReceivedExpiry(product, details.ExpiryDate, today, index);
            UnitCost = details.UnitCost;
            BaseUnitCost = details.UnitCost is { } cost ? StockLineRules.BaseUnitCost(product, cost, Unit, index) : null;
        }
        else if (details.UnitCost is not null)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "UnitCost"), StockDocumentErrorCodes.UnitCostOnlyForIncreases);
        }
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public Guid? LocationId { get; private set; }
    public string? BatchNumber { get; private set; }
    public DateOnly? ExpiryDate { get; private set; }

    /// <summary>Signed: + in, − out.</summary>
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }

    /// <summary>Cost of one <see cref="Unit"/> coming in as entered; null takes the current average cost.</summary>
    public decimal? UnitCost { get; private set; }
    public decimal? BaseUnitCost { get; private set; }
    public decimal? PostedUnitCost { get; private set; }
    public decimal? PostedValue { get; private set; }

    internal void RecordPosted(PostedMovement posted)
    {
        PostedUnitCost = posted.UnitCost;
        PostedValue = posted.Value;
    }
}

public sealed record AdjustmentLineDetails(
    Product Product, Guid WarehouseId, Guid? LocationId, string? BatchNumber, DateOnly? ExpiryDate, decimal Quantity, string? Unit, decimal? UnitCost);
