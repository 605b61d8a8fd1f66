using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// The stock a company already has when it starts with the system (期初库存): what lies where, in which batch, at what
/// cost. Posting receives every line into the ledger (source type Opening).
/// </summary>
public sealed class OpeningBalance : StockDocument
{
    private readonly List<OpeningBalanceLine> _lines = [];

    private OpeningBalance() { }

    internal OpeningBalance(string number, Guid requestId, string? comment, StockDocumentActor actor)
        : base(StockDocumentKind.Opening, number, requestId, comment, actor)
    {
    }

    public IReadOnlyList<OpeningBalanceLine> Lines => _lines;

    public void ReplaceLines(IReadOnlyList<OpeningLineDetails> lines, StockDocumentActor actor)
    {
        EnsureDraft();
        StockLineRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new OpeningBalanceLine(Id, index, line, actor.Today)).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        Touch(actor);
    }

    internal StockPosting BeginPosting(DateTimeOffset at)
    {
        EnsureDraft();
        if (_lines.Count == 0) throw new BusinessException(StockDocumentErrorCodes.LinesRequired);
        return new StockPosting(StockSourceTypes.Opening, Id, Number, at, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = l.WarehouseId, LocationId = l.LocationId,
            BatchNumber = l.BatchNumber, ExpiryDate = l.ExpiryDate, Quantity = l.BaseQuantity, UnitCost = l.BaseUnitCost,
        }).ToList());
    }

    internal void CompletePosting(IReadOnlyList<PostedMovement> posted, StockDocumentActor actor)
    {
        foreach (var line in _lines) line.RecordPosted(posted.Single(p => p.LineNumber == line.LineNumber));
        MoveTo(StockDocumentStatus.Posted, actor);
    }
}

/// <summary>One opening line: a quantity in any unit of the product (kept in base units too) and its cost per that unit.</summary>
public sealed class OpeningBalanceLine : Entity, IMultiTenant
{
    private OpeningBalanceLine() { }

    internal OpeningBalanceLine(Guid documentId, int index, OpeningLineDetails details, DateOnly today)
    {
        var product = details.Product;
        if (details.Quantity <= 0m)
        {
            throw BusinessException.ForField(StockLineRules.Field(index, "Quantity"), StockDocumentErrorCodes.QuantityMustBePositive);
        }
        DocumentId = documentId;
        LineNumber = index + 1;
        ProductId = product.Id;
        WarehouseId = details.WarehouseId;
        LocationId = details.LocationId;
        BatchNumber = StockLineRules.Batch(product, details.BatchNumber, index);
        ExpiryDate = StockLineRules.ReceivedExpiry(product, details.ExpiryDate, today, index);
        Unit = StockLineRules.UnitOf(product, details.Unit, index);
        Quantity = details.Quantity;
        BaseQuantity = StockLineRules.ToBase(product, details.Quantity, Unit, index);
        // Without a cost, the product's standard cost (kept per base unit) stands in.
        UnitCost = details.UnitCost ?? decimal.Round(product.StandardCost * product.FactorOf(Unit), StockDocumentConsts.UnitCostScale);
        BaseUnitCost = StockLineRules.BaseUnitCost(product, UnitCost, Unit, index);
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public Guid? LocationId { get; private set; }
    public string? BatchNumber { get; private set; }
    public DateOnly? ExpiryDate { get; private set; }
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }

    /// <summary>Cost of one <see cref="Unit"/>, as entered.</summary>
    public decimal UnitCost { get; private set; }
    public decimal BaseUnitCost { get; private set; }

    /// <summary>The value the ledger booked for the line once posted.</summary>
    public decimal? PostedValue { get; private set; }

    internal void RecordPosted(PostedMovement posted) => PostedValue = posted.Value;
}

/// <summary>An opening line with its references already checked (the product found, the bin inside the warehouse).</summary>
public sealed record OpeningLineDetails(
    Product Product, Guid WarehouseId, Guid? LocationId, string? BatchNumber, DateOnly? ExpiryDate, decimal Quantity, string? Unit, decimal? UnitCost);
