using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;

namespace ErpSaaS.Sales;

/// <summary>
/// A delivery (销售出库) of part or all of a confirmed order: a draft with the quantities to ship (batch-tracked
/// products split into batches first to expire first), picked by scanning, then posted: the stock leaves the warehouse
/// and the order's reservation shrinks by what was shipped. What the order still has open stays reserved (the back order).
/// </summary>
public sealed class SalesDelivery : AggregateRoot, IMultiTenant
{
    private readonly List<SalesDeliveryLine> _lines = [];
    private readonly List<SalesDeliveryEvent> _timeline = [];

    private SalesDelivery() { }

    internal SalesDelivery(string number, Guid requestId, SalesOrder order, IReadOnlyList<DeliveryLineDetails> lines, string? comment, SalesActor actor)
    {
        if (!order.IsOpen) throw new BusinessException(SalesErrorCodes.OrderNotDeliverable, order.Number);
        if (lines.Count == 0) throw BusinessException.ForField("Lines", SalesErrorCodes.NothingToDeliver);
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        OrderId = order.Id;
        CustomerId = order.CustomerId;
        WarehouseId = order.WarehouseId;
        Comment = SalesRules.Comment(comment);
        Status = SalesDeliveryStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _lines.AddRange(lines.Select((line, index) => new SalesDeliveryLine(Id, index, line)));
        _timeline.Add(new SalesDeliveryEvent(Id, SalesDeliveryStatus.Draft, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public SalesDeliveryStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? PostedAt { get; private set; }
    public int Revision { get; private set; }

    public IReadOnlyList<SalesDeliveryLine> Lines => _lines;
    public IReadOnlyList<SalesDeliveryEvent> Timeline => _timeline;

    public bool IsDraft => Status == SalesDeliveryStatus.Draft;

    public void CheckVersion(uint expected)
    {
        if (expected == Version) return;
        throw IsDraft ? new BusinessException(ErrorCodes.ConcurrencyConflict) : new BusinessException(SalesErrorCodes.NotEditable, Number);
    }

    /// <summary>A scanned product: one more (or the quantity given) picked on its first line that still needs it.</summary>
    public SalesDeliveryLine Pick(Guid productId, string productCode, decimal quantity, SalesActor actor)
    {
        EnsureDraft();
        SalesRules.CheckQuantity(quantity, "Quantity");
        var line = _lines.FirstOrDefault(l => l.ProductId == productId && l.PickedQuantity < l.Quantity)
                   ?? (_lines.Any(l => l.ProductId == productId)
                       ? throw BusinessException.ForField("Barcode", SalesErrorCodes.PickTooMuch, productCode)
                       : throw BusinessException.ForField("Barcode", SalesErrorCodes.BarcodeNotOnDelivery, productCode, Number));
        if (line.PickedQuantity + quantity > line.Quantity) throw BusinessException.ForField("Barcode", SalesErrorCodes.PickTooMuch, productCode);
        line.AddPicked(quantity);
        Touch(actor);
        return line;
    }

    /// <summary>
    /// The issue to post. Scanning is optional; once started, every line must be picked in full, so what leaves the
    /// warehouse is what was scanned.
    /// </summary>
    public StockPosting BeginPosting(DateTimeOffset at)
    {
        EnsureDraft();
        if (_lines.Any(l => l.PickedQuantity > 0m) && _lines.FirstOrDefault(l => l.PickedQuantity != l.Quantity) is { } unpicked)
        {
            throw new BusinessException(SalesErrorCodes.PickIncomplete, unpicked.LineNumber);
        }
        return new StockPosting(SalesConsts.DeliverySource, Id, Number, at, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = WarehouseId, BatchNumber = l.BatchNumber, Quantity = -l.Quantity,
        }).ToList());
    }

    public void CompletePosting(IReadOnlyList<PostedMovement> issues, SalesActor actor)
    {
        foreach (var line in _lines) line.RecordPosted(issues.Single(p => p.LineNumber == line.LineNumber));
        PostedAt = actor.At;
        MoveTo(SalesDeliveryStatus.Posted, actor);
    }

    public void Cancel(SalesActor actor, string? reason)
    {
        EnsureDraft();
        MoveTo(SalesDeliveryStatus.Cancelled, actor, SalesRules.Comment(reason));
    }

    /// <summary>The uninvoiced quantity of every line, now marked invoiced; nothing left refuses the invoice.</summary>
    public IReadOnlyList<(SalesDeliveryLine Line, decimal Quantity)> TakeUninvoiced(SalesActor actor)
    {
        if (Status != SalesDeliveryStatus.Posted) throw new BusinessException(SalesErrorCodes.DeliveryNotPosted, Number);
        var taken = _lines.Where(l => l.ToInvoiceQuantity > 0m).Select(l => (Line: l, Quantity: l.ToInvoiceQuantity)).ToList();
        if (taken.Count == 0) throw new BusinessException(SalesErrorCodes.NothingToInvoice, Number);
        foreach (var (line, quantity) in taken) line.AddInvoiced(quantity);
        Touch(actor);
        return taken;
    }

    private void EnsureDraft()
    {
        if (!IsDraft) throw new BusinessException(SalesErrorCodes.NotEditable, Number);
    }

    private void MoveTo(SalesDeliveryStatus status, SalesActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new SalesDeliveryEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(SalesActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

/// <summary>What one delivery line ships: an order line's product, in base units, from one batch when the product has batches.</summary>
public sealed class SalesDeliveryLine : Entity, IMultiTenant
{
    private SalesDeliveryLine() { }

    internal SalesDeliveryLine(Guid deliveryId, int index, DeliveryLineDetails details)
    {
        SalesRules.CheckQuantity(details.Quantity, SalesRules.Field(index, "Quantity"));
        DeliveryId = deliveryId;
        LineNumber = index + 1;
        OrderLineNumber = details.OrderLineNumber;
        ProductId = details.ProductId;
        BatchNumber = details.BatchNumber;
        Quantity = details.Quantity;
    }

    public Guid? TenantId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int LineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public string? BatchNumber { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal PickedQuantity { get; private set; }

    /// <summary>What one base unit cost when it left (a return comes back at this cost).</summary>
    public decimal? PostedUnitCost { get; private set; }
    public decimal? PostedValue { get; private set; }
    public decimal ReturnedQuantity { get; private set; }
    public decimal InvoicedQuantity { get; private set; }

    public decimal ToInvoiceQuantity => Math.Max(0m, Quantity - ReturnedQuantity - InvoicedQuantity);

    /// <summary>Shipped and not returned yet: the most a return may take back.</summary>
    public decimal ReturnableQuantity => Quantity - ReturnedQuantity;

    /// <summary>
    /// Goods came back. What was not invoiced yet comes off first (it will not be billed); the rest had been invoiced
    /// and is returned here, so the invoice is credited for it.
    /// </summary>
    internal decimal AddReturned(decimal quantity, string deliveryNumber)
    {
        if (quantity <= 0m || quantity > ReturnableQuantity) throw new BusinessException(SalesErrorCodes.ReturnExceedsDelivered, LineNumber, ReturnableQuantity);
        var invoicedBefore = Math.Max(0m, ReturnedQuantity + InvoicedQuantity - Quantity);
        ReturnedQuantity += quantity;
        return Math.Max(0m, ReturnedQuantity + InvoicedQuantity - Quantity) - invoicedBefore;
    }

    internal void AddPicked(decimal quantity) => PickedQuantity += quantity;

    internal void AddInvoiced(decimal quantity) => InvoicedQuantity += quantity;

    internal void RecordPosted(PostedMovement issue)
    {
        PostedUnitCost = issue.UnitCost;
        PostedValue = Math.Abs(issue.Value);
    }
}

public sealed record DeliveryLineDetails(int OrderLineNumber, Guid ProductId, string? BatchNumber, decimal Quantity);
