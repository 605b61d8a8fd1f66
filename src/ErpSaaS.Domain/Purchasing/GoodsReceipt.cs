using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.Purchasing;

/// <summary>
/// Goods received against one purchase order (采购入库), with quality inspection per line: what arrived = accepted +
/// rejected. Accepted goods go into the order's warehouse; rejected ones either into a quarantine warehouse (still our
/// stock, counted as received) or back to the supplier (never stock, still owed by the supplier). Quantities are in
/// the order line's unit. Posting books the stock ledger and the order's received quantities in one transaction.
/// </summary>
public sealed class GoodsReceipt : AggregateRoot, IMultiTenant
{
    private readonly List<GoodsReceiptLine> _lines = [];
    private readonly List<GoodsReceiptEvent> _timeline = [];

    private GoodsReceipt() { }

    internal GoodsReceipt(string number, Guid requestId, PurchaseOrder order, string? comment, PurchasingActor actor)
    {
        if (!order.IsOpen) throw new BusinessException(PurchasingErrorCodes.OrderNotReceivable, order.Number);
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        PurchaseOrderId = order.Id;
        SupplierId = order.SupplierId;
        WarehouseId = order.WarehouseId;
        ReceivedOn = actor.Today;
        Comment = PurchasingRules.Comment(comment);
        Status = GoodsReceiptStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new GoodsReceiptEvent(Id, Status, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public GoodsReceiptStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid PurchaseOrderId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid WarehouseId { get; private set; }

    /// <summary>Where rejected goods kept by us go: a warehouse flagged as quarantine.</summary>
    public Guid? QuarantineWarehouseId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? PostedAt { get; private set; }
    public int Revision { get; private set; }
    public IReadOnlyList<GoodsReceiptLine> Lines => _lines;
    public IReadOnlyList<GoodsReceiptEvent> Timeline => _timeline;

    public void CheckVersion(uint expected)
    {
        if (expected == Version) return;
        throw Status == GoodsReceiptStatus.Draft ? new BusinessException(ErrorCodes.ConcurrencyConflict) : new BusinessException(PurchasingErrorCodes.NotEditable, Number);
    }

    /// <param name="quarantine">The quarantine warehouse chosen on the receipt (checked by the caller to be one); null when none.</param>
    public void Change(Warehouse? quarantine, string? comment, IReadOnlyList<GoodsReceiptLineDetails> lines, PurchasingActor actor)
    {
        EnsureDraft();
        PurchasingRules.CheckLineCount(lines.Count);
        if (quarantine is { IsQuarantine: false }) throw BusinessException.ForField(nameof(QuarantineWarehouseId), PurchasingErrorCodes.QuarantineWarehouseInvalid, quarantine.Code);
        var built = lines.Select((line, index) => new GoodsReceiptLine(Id, index, line, actor.Today)).ToList();
        if (quarantine is null && built.Any(l => l.RejectedQuantity > 0m && l.Disposition == RejectedGoodsDisposition.Quarantine))
        {
            throw BusinessException.ForField(nameof(QuarantineWarehouseId), PurchasingErrorCodes.QuarantineWarehouseRequired);
        }
        QuarantineWarehouseId = quarantine?.Id;
        Comment = PurchasingRules.Comment(comment);
        _lines.Clear();
        _lines.AddRange(built);
        Touch(actor);
    }

    /// <summary>A scanned barcode adds one (or the quantity given) to the receipt's line for that order line, accepted.</summary>
    public GoodsReceiptLine AddScanned(Product product, PurchaseOrderLine orderLine, decimal quantity, PurchasingActor actor)
    {
        EnsureDraft();
        if (quantity <= 0m) throw BusinessException.ForField("Quantity", PurchasingErrorCodes.QuantityMustBePositive);
        var line = _lines.FirstOrDefault(l => l.OrderLineNumber == orderLine.LineNumber && l.BatchNumber is null);
        if (line is null)
        {
            if (_lines.Count >= PurchasingConsts.MaxLines) throw BusinessException.ForField("Lines", PurchasingErrorCodes.TooManyLines, PurchasingConsts.MaxLines);
            line = new GoodsReceiptLine(Id, _lines.Count, new GoodsReceiptLineDetails(product, orderLine, quantity, 0m, null, RejectedGoodsDisposition.Quarantine, null, null), actor.Today, batchLater: true);
            _lines.Add(line);
        }
        else
        {
            line.AddAccepted(product, quantity);
        }
        Touch(actor);
        return line;
    }

    /// <summary>
    /// Checks every line against the order (within the over-receipt tolerance) and books what came into our custody
    /// on it; returns what the stock ledger must receive. The caller posts it and then calls <see cref="CompletePosting"/>.
    /// </summary>
    internal StockPosting BeginPosting(PurchaseOrder order, IReadOnlyDictionary<Guid, Product> products, decimal tolerancePercent, decimal rateToBase, DateTimeOffset at)
    {
        EnsureDraft();
        if (order.Id != PurchaseOrderId) throw new InvalidOperationException("A receipt posts against its own order.");
        if (_lines.Count == 0 || _lines.All(l => l.ReceivedQuantity == 0m)) throw BusinessException.ForField("Lines", PurchasingErrorCodes.NothingReceived);
        var movements = new List<StockMovement>();
        for (var index = 0; index < _lines.Count; index++)
        {
            var line = _lines[index];
            var product = products[line.ProductId];
            // Scanned lines of batch-tracked goods get their batch on the form before posting.
            line.CheckBatch(product, index);
            var orderLine = order.Line(line.OrderLineNumber, PurchasingRules.Field(index, "OrderLineNumber"));
            line.Value(orderLine, rateToBase);
            order.Receive(line.OrderLineNumber, line.BaseAccepted + line.BaseQuarantined, tolerancePercent, PurchasingRules.Field(index, "ReceivedQuantity"));
            if (line.BaseAccepted > 0m)
            {
                movements.Add(new StockMovement
                {
                    LineNumber = line.LineNumber, ProductId = line.ProductId, WarehouseId = WarehouseId, BatchNumber = line.BatchNumber,
                    ExpiryDate = line.ExpiryDate, Quantity = line.BaseAccepted, UnitCost = line.BaseUnitCost,
                });
            }
            if (line.BaseQuarantined > 0m)
            {
                movements.Add(new StockMovement
                {
                    // Rejected goods post as the line's second movement: a line number of its own keeps the ledger traceable.
                    LineNumber = line.LineNumber + QuarantineLineOffset, ProductId = line.ProductId, WarehouseId = QuarantineWarehouseId!.Value,
                    BatchNumber = line.BatchNumber, ExpiryDate = line.ExpiryDate, Quantity = line.BaseQuarantined, UnitCost = line.BaseUnitCost,
                });
            }
        }
        return new StockPosting(PurchasingConsts.GoodsReceiptSource, Id, Number, at, movements);
    }

    /// <summary>Line numbers of quarantine movements in the ledger: the receipt line's number plus this.</summary>
    public const int QuarantineLineOffset = 10_000;

    internal void CompletePosting(IReadOnlyList<PostedMovement> posted, PurchasingActor actor)
    {
        foreach (var line in _lines)
        {
            line.RecordPosted(posted.Where(p => p.LineNumber == line.LineNumber || p.LineNumber == line.LineNumber + QuarantineLineOffset).Sum(p => p.Value));
        }
        PostedAt = actor.At;
        ReceivedOn = actor.Today;
        MoveTo(GoodsReceiptStatus.Posted, actor);
    }

    public void Cancel(string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        EnsureDraft();
        MoveTo(GoodsReceiptStatus.Cancelled, actor, why);
    }

    private void EnsureDraft()
    {
        if (Status != GoodsReceiptStatus.Draft) throw new BusinessException(PurchasingErrorCodes.NotEditable, Number);
    }

    private void MoveTo(GoodsReceiptStatus status, PurchasingActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new GoodsReceiptEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(PurchasingActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

public sealed class GoodsReceiptLine : Entity, IMultiTenant
{
    private GoodsReceiptLine() { }

    internal GoodsReceiptLine(Guid receiptId, int index, GoodsReceiptLineDetails details, DateOnly today, bool batchLater = false)
    {
        var product = details.Product;
        var orderLine = details.OrderLine;
        if (orderLine.ProductId != product.Id) throw new InvalidOperationException("A receipt line receives the product its order line orders.");
        CheckQuantity(details.AcceptedQuantity, index, nameof(AcceptedQuantity));
        CheckQuantity(details.RejectedQuantity, index, nameof(RejectedQuantity));
        ReceiptId = receiptId;
        LineNumber = index + 1;
        OrderLineNumber = orderLine.LineNumber;
        ProductId = product.Id;
        Unit = orderLine.Unit;
        AcceptedQuantity = details.AcceptedQuantity;
        RejectedQuantity = details.RejectedQuantity;
        Disposition = details.Disposition;
        RejectReason = RejectedQuantity > 0m ? RejectReasonOf(details.RejectReason, index) : null;
        if (!batchLater)
        {
            BatchNumber = StockLineRules.Batch(product, details.BatchNumber, index);
            ExpiryDate = StockLineRules.ReceivedExpiry(product, details.ExpiryDate, today, index);
        }
        ToBase(product, index);
    }

    public Guid? TenantId { get; private set; }
    public Guid ReceiptId { get; private set; }
    public int LineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>The order line's unit: quantities are counted as the supplier ships them.</summary>
    public string Unit { get; private set; } = null!;
    public decimal AcceptedQuantity { get; private set; }
    public decimal RejectedQuantity { get; private set; }
    public string? RejectReason { get; private set; }
    public RejectedGoodsDisposition Disposition { get; private set; }
    public string? BatchNumber { get; private set; }
    public DateOnly? ExpiryDate { get; private set; }
    public decimal BaseAccepted { get; private set; }
    public decimal BaseRejected { get; private set; }

    /// <summary>Cost of one base unit in the company's base currency: the order's price converted.</summary>
    public decimal? BaseUnitCost { get; private set; }
    public decimal? PostedValue { get; private set; }

    /// <summary>Accepted base units handed back to the supplier later by purchase returns.</summary>
    public decimal BaseReturned { get; private set; }

    public decimal ReceivedQuantity => AcceptedQuantity + RejectedQuantity;

    /// <summary>Accepted base units that may still be returned.</summary>
    public decimal BaseReturnable => BaseAccepted - BaseReturned;

    /// <summary>Rejected base units kept by us (quarantine); goods handed back to the supplier never enter stock.</summary>
    public decimal BaseQuarantined => Disposition == RejectedGoodsDisposition.Quarantine ? BaseRejected : 0m;

    internal void AddAccepted(Product product, decimal quantity)
    {
        CheckQuantity(AcceptedQuantity + quantity, LineNumber - 1, nameof(AcceptedQuantity));
        AcceptedQuantity += quantity;
        ToBase(product, LineNumber - 1);
    }

    internal void CheckBatch(Product product, int index)
    {
        BatchNumber = StockLineRules.Batch(product, BatchNumber, index);
    }

    internal void Value(PurchaseOrderLine orderLine, decimal rateToBase) =>
        BaseUnitCost = decimal.Round(orderLine.BaseUnitPrice * rateToBase, PurchasingConsts.UnitPriceScale, MidpointRounding.AwayFromZero);

    internal void RecordPosted(decimal value) => PostedValue = value;

    internal void AddReturned(decimal baseQuantity) => BaseReturned += baseQuantity;

    private void ToBase(Product product, int index)
    {
        BaseAccepted = StockLineRules.ToBase(product, AcceptedQuantity, Unit, index, nameof(AcceptedQuantity));
        BaseRejected = StockLineRules.ToBase(product, RejectedQuantity, Unit, index, nameof(RejectedQuantity));
    }

    private static string RejectReasonOf(string? reason, int index)
    {
        var field = PurchasingRules.Field(index, nameof(RejectReason));
        if (string.IsNullOrWhiteSpace(reason)) throw BusinessException.ForField(field, PurchasingErrorCodes.RejectReasonRequired);
        return PurchasingRules.Reason(reason, field);
    }

    private static void CheckQuantity(decimal quantity, int index, string field)
    {
        if (quantity < 0m) throw BusinessException.ForField(PurchasingRules.Field(index, field), PurchasingErrorCodes.QuantityMustNotBeNegative);
        StockLineRules.CheckPrecision(quantity, PurchasingRules.Field(index, field));
    }
}

public sealed class GoodsReceiptEvent : PurchasingEvent<GoodsReceiptStatus>
{
    private GoodsReceiptEvent() { }

    internal GoodsReceiptEvent(Guid receiptId, GoodsReceiptStatus status, PurchasingActor actor, string? comment) : base(receiptId, status, actor, comment) { }
}

/// <summary>A receipt line as resolved: the order line received against, accepted and rejected quantities in its unit.</summary>
public sealed record GoodsReceiptLineDetails(
    Product Product, PurchaseOrderLine OrderLine, decimal AcceptedQuantity, decimal RejectedQuantity, string? RejectReason,
    RejectedGoodsDisposition Disposition, string? BatchNumber, DateOnly? ExpiryDate);
