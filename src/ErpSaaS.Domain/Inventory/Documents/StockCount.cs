using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// A stock count (盘点) of one warehouse, or some of its bins, or one category of products in it.
/// <para>
/// Starting the count freezes the book: every (product, bin, batch) on hand in the scope at that moment becomes a line
/// with its quantity and average cost. People then count by hand, by scanning barcodes or by uploading a file; a
/// product found where the book had none gets a line of its own with a book quantity of zero.
/// </para>
/// <para>
/// The rule that keeps a count honest while the warehouse keeps working: counters count what lay there when the count
/// started, and goods that move during the count are posted by their own documents. Posting therefore books only
/// the variance against the frozen book (counted − book at freeze), never "set the balance to the counted figure".
/// A delivery of 2 during the count already took 2 out of the ledger; setting the balance to what was counted at
/// freeze would bring those 2 back, and counting them again would take them out twice.
/// </para>
/// </summary>
public sealed class StockCount : StockDocument
{
    private readonly List<StockCountLine> _lines = [];

    private StockCount() { }

    internal StockCount(string number, Guid requestId, Guid warehouseId, IReadOnlyCollection<Guid> locationIds, Guid? categoryId, string? comment,
        StockDocumentActor actor)
        : base(StockDocumentKind.Count, number, requestId, comment, actor)
    {
        WarehouseId = warehouseId;
        LocationIds = [.. locationIds.Distinct()];
        CategoryId = categoryId;
    }

    public Guid WarehouseId { get; private set; }

    /// <summary>The bins counted; empty means the whole warehouse.</summary>
    public Guid[] LocationIds { get; private set; } = [];

    /// <summary>Only products of this category (and its subcategories); null means every product.</summary>
    public Guid? CategoryId { get; private set; }

    /// <summary>When the book was frozen: the moment the counted quantities describe.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public IReadOnlyList<StockCountLine> Lines => _lines;

    public bool Covers(Guid? locationId) => LocationIds.Length == 0 || (locationId is { } id && LocationIds.Contains(id));

    public void ChangeScope(IReadOnlyCollection<Guid> locationIds, Guid? categoryId, string? comment, StockDocumentActor actor)
    {
        EnsureDraft();
        ChangeComment(comment, actor);
        LocationIds = [.. locationIds.Distinct()];
        CategoryId = categoryId;
    }

    /// <summary>Freezes the book into the count lines and opens the count for counting.</summary>
    public void Start(IReadOnlyList<BookQuantity> book, StockDocumentActor actor)
    {
        EnsureDraft();
        if (book.Count > StockDocumentConsts.MaxCountLines)
        {
            throw new BusinessException(StockDocumentErrorCodes.CountTooManyLines, book.Count, StockDocumentConsts.MaxCountLines);
        }
        foreach (var entry in book.Where(b => Covers(b.LocationId)))
        {
            _lines.Add(new StockCountLine(Id, _lines.Count + 1, entry.ProductId, entry.LocationId, entry.BatchNumber, entry.ExpiryDate, entry.Quantity, entry.UnitCost));
        }
        FrozenAt = actor.At;
        MoveTo(StockDocumentStatus.Counting, actor);
    }

    /// <summary>
    /// A scan (or a typed quantity) of a product in a bin adds to that product's line there. A batch-tracked product
    /// with several batches in the bin needs the batch said; one with none there needs a batch to open a line.
    /// </summary>
    public StockCountLine AddCounted(Product product, Guid? locationId, string? batchNumber, decimal quantity, decimal unitCostIfFound, StockDocumentActor actor)
    {
        EnsureCounting();
        if (quantity <= 0m) throw BusinessException.ForField("Quantity", StockDocumentErrorCodes.QuantityMustBePositive);
        StockLineRules.CheckPrecision(quantity, "Quantity");
        CheckInScope(locationId, "LocationId");
        var line = LineFor(product, locationId, batchNumber, "BatchNumber", unitCostIfFound);
        line.AddCounted(quantity);
        Touch(actor);
        return line;
    }

    /// <summary>Counted quantities typed into the count sheet, by line number; an empty one means "not counted yet".</summary>
    public void SetCounted(IReadOnlyList<(int LineNumber, decimal? Counted)> entries, StockDocumentActor actor)
    {
        EnsureCounting();
        for (var index = 0; index < entries.Count; index++)
        {
            var (lineNumber, counted) = entries[index];
            var field = StockLineRules.Field(index, "Counted");
            var line = _lines.FirstOrDefault(l => l.LineNumber == lineNumber)
                       ?? throw BusinessException.ForField(field, StockDocumentErrorCodes.CountLineUnknown, lineNumber);
            line.SetCounted(CheckCounted(counted, field));
        }
        Touch(actor);
    }

    /// <summary>
    /// Counted quantities from an uploaded file, all or nothing: each row sets (not adds to) the counted quantity of
    /// its product, bin and batch; rows for something not on the count open a found line. A file naming the same
    /// product, bin and batch twice is refused rather than guessed at.
    /// </summary>
    public void ApplyCounts(IReadOnlyList<CountedEntry> entries, StockDocumentActor actor)
    {
        EnsureCounting();
        var seen = new HashSet<(Guid, Guid?, string?)>();
        foreach (var entry in entries)
        {
            var batch = string.IsNullOrWhiteSpace(entry.BatchNumber) ? null : entry.BatchNumber.Trim();
            if (!seen.Add((entry.Product.Id, entry.LocationId, batch)))
            {
                throw BusinessException.ForField(UploadField, StockDocumentErrorCodes.UploadRowDuplicate, entry.Row);
            }
            if (!Covers(entry.LocationId)) throw BusinessException.ForField(UploadField, StockDocumentErrorCodes.UploadRowLocationUnknown, entry.Row);
            if (entry.Counted is < 0m || decimal.Round(entry.Counted, StockDocumentConsts.QuantityScale) != entry.Counted)
            {
                throw BusinessException.ForField(UploadField, StockDocumentErrorCodes.UploadRowQuantityInvalid, entry.Row);
            }
            if (entry.Product.IsBatchTracked && batch is null)
            {
                throw BusinessException.ForField(UploadField, StockDocumentErrorCodes.UploadRowBatchRequired, entry.Row, entry.Product.Code);
            }
            LineFor(entry.Product, entry.LocationId, batch, UploadField, entry.UnitCostIfFound).SetCounted(entry.Counted);
        }
        Touch(actor);
    }

    /// <summary>Where errors of an uploaded count file are shown.</summary>
    public const string UploadField = "Upload";

    /// <summary>Closes counting for the variance review; every line must have a counted quantity (0 where nothing was found).</summary>
    public void FinishCounting(StockDocumentActor actor)
    {
        EnsureCounting();
        var uncounted = _lines.Count(l => l.CountedQuantity is null);
        if (uncounted > 0) throw new BusinessException(StockDocumentErrorCodes.CountLinesUncounted, uncounted);
        MoveTo(StockDocumentStatus.Counted, actor);
    }

    /// <summary>Back from the variance review to counting, for a recount.</summary>
    public void ResumeCounting(StockDocumentActor actor)
    {
        if (Status != StockDocumentStatus.Counted) throw new BusinessException(StockDocumentErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(StockDocumentStatus.Counting, actor);
    }

    /// <summary>The variances as ledger movements: gains at the cost frozen with the book, losses at the ledger's cost.</summary>
    internal StockPosting BeginPosting(DateTimeOffset at)
    {
        if (Status != StockDocumentStatus.Counted) throw new BusinessException(StockDocumentErrorCodes.StatusChangeNotAllowed, Number);
        return new StockPosting(StockSourceTypes.StockCount, Id, Number, at, _lines.Where(l => l.Variance != 0m).Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = WarehouseId, LocationId = l.LocationId,
            BatchNumber = l.BatchNumber, ExpiryDate = l.ExpiryDate, Quantity = l.Variance,
            UnitCost = l.Variance > 0m && l.BookUnitCost > 0m ? l.BookUnitCost : null,
        }).ToList())
        {
            // What was counted is what is there: a shortage comes out even where the stock was promised to someone.
            MayTakeReservedStock = true,
        };
    }

    internal void CompletePosting(IReadOnlyList<PostedMovement> posted, StockDocumentActor actor)
    {
        foreach (var movement in posted) _lines.Single(l => l.LineNumber == movement.LineNumber).RecordPosted(movement);
        MoveTo(StockDocumentStatus.Posted, actor);
    }

    private void EnsureCounting()
    {
        if (Status != StockDocumentStatus.Counting) throw new BusinessException(StockDocumentErrorCodes.CountNotOpen, Number);
    }

    private void CheckInScope(Guid? locationId, string field)
    {
        if (!Covers(locationId)) throw BusinessException.ForField(field, StockDocumentErrorCodes.CountLocationNotInScope, Number);
    }

    private static decimal? CheckCounted(decimal? counted, string field)
    {
        if (counted is not { } quantity) return null;
        if (quantity < 0m) throw BusinessException.ForField(field, StockDocumentErrorCodes.CountedQuantityInvalid);
        StockLineRules.CheckPrecision(quantity, field);
        return quantity;
    }

    private StockCountLine LineFor(Product product, Guid? locationId, string? batchNumber, string field, decimal unitCostIfFound)
    {
        var here = _lines.Where(l => l.ProductId == product.Id && l.LocationId == locationId).ToList();
        var batch = string.IsNullOrWhiteSpace(batchNumber) ? null : batchNumber.Trim();
        if (product.IsBatchTracked && batch is null)
        {
            return here.Count switch
            {
                1 => here[0],
                0 => throw BusinessException.ForField(field, StockDocumentErrorCodes.BatchRequired, product.Code),
                _ => throw BusinessException.ForField(field, StockDocumentErrorCodes.ScanBatchAmbiguous, product.Code, string.Join(", ", here.Select(l => l.BatchNumber))),
            };
        }
        if (here.FirstOrDefault(l => l.BatchNumber == batch) is { } existing) return existing;
        if (!product.IsBatchTracked && batch is not null) throw BusinessException.ForField(field, StockDocumentErrorCodes.BatchNotTracked, product.Code);
        if (batch is { Length: > StockDocumentConsts.MaxBatchNumberLength } || (batch ?? string.Empty).Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw BusinessException.ForField(field, StockDocumentErrorCodes.BatchNumberInvalid, StockDocumentConsts.MaxBatchNumberLength);
        }
        var found = new StockCountLine(Id, _lines.Count + 1, product.Id, locationId, batch, null, 0m, unitCostIfFound);
        _lines.Add(found);
        return found;
    }
}

/// <summary>One (product, bin, batch) of a count: the book frozen at the start, what was counted, and what posting booked.</summary>
public sealed class StockCountLine : Entity, IMultiTenant
{
    private StockCountLine() { }

    internal StockCountLine(Guid documentId, int lineNumber, Guid productId, Guid? locationId, string? batchNumber, DateOnly? expiryDate,
        decimal bookQuantity, decimal bookUnitCost)
    {
        DocumentId = documentId;
        LineNumber = lineNumber;
        ProductId = productId;
        LocationId = locationId;
        BatchNumber = batchNumber;
        ExpiryDate = expiryDate;
        BookQuantity = bookQuantity;
        BookUnitCost = bookUnitCost;
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid? LocationId { get; private set; }
    public string? BatchNumber { get; private set; }
    public DateOnly? ExpiryDate { get; private set; }

    /// <summary>On hand (base units) when the count started.</summary>
    public decimal BookQuantity { get; private set; }

    /// <summary>Average cost of one base unit when the count started: values the variance for the review.</summary>
    public decimal BookUnitCost { get; private set; }

    /// <summary>Null until counted.</summary>
    public decimal? CountedQuantity { get; private set; }

    public decimal Variance => (CountedQuantity ?? BookQuantity) - BookQuantity;
    public decimal VarianceValue => StockLineRules.Value(Variance, BookUnitCost);
    public decimal? PostedValue { get; private set; }

    internal void AddCounted(decimal quantity) => CountedQuantity = (CountedQuantity ?? 0m) + quantity;

    internal void SetCounted(decimal? quantity) => CountedQuantity = quantity;

    internal void RecordPosted(PostedMovement posted) => PostedValue = posted.Value;
}

/// <summary>A (product, bin, batch) on hand as the book has it at one moment, with its average unit cost.</summary>
public sealed record BookQuantity(Guid ProductId, Guid? LocationId, string? BatchNumber, DateOnly? ExpiryDate, decimal Quantity, decimal UnitCost);

/// <summary>One row of an uploaded count file, its references checked.</summary>
public sealed record CountedEntry(int Row, Product Product, Guid? LocationId, string? BatchNumber, decimal Counted, decimal UnitCostIfFound);
