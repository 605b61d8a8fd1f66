using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.Purchasing;

/// <summary>
/// A need to buy (采购申请): products, quantities in their base unit, when they are needed and why; typed by hand or
/// taken from the replenishment suggestions. Approved requisitions become purchase orders, one per each product's
/// preferred supplier; a line whose product has no preferred supplier stays open and is reported, never dropped.
/// </summary>
public sealed class PurchaseRequisition : AggregateRoot, IMultiTenant
{
    private readonly List<PurchaseRequisitionLine> _lines = [];
    private readonly List<PurchaseRequisitionEvent> _timeline = [];

    private PurchaseRequisition() { }

    internal PurchaseRequisition(string number, Guid requestId, Guid warehouseId, string? comment, PurchasingActor actor)
    {
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        WarehouseId = warehouseId;
        Comment = PurchasingRules.Comment(comment);
        Status = PurchaseRequisitionStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new PurchaseRequisitionEvent(Id, Status, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public PurchaseRequisitionStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The document line the need was raised for (a short sales order line), if any: one requisition per such line.</summary>
    public string? SourceType { get; private set; }
    public Guid? SourceId { get; private set; }
    public string? SourceNumber { get; private set; }
    public int? SourceLine { get; private set; }
    public IReadOnlyList<PurchaseRequisitionLine> Lines => _lines;
    public IReadOnlyList<PurchaseRequisitionEvent> Timeline => _timeline;

    internal void RaisedFor(string sourceType, Guid sourceId, string sourceNumber, int sourceLine)
    {
        SourceType = sourceType;
        SourceId = sourceId;
        SourceNumber = sourceNumber;
        SourceLine = sourceLine;
    }

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public void Change(string? comment, IReadOnlyList<RequisitionLineDetails> lines, PurchasingActor actor)
    {
        EnsureDraft();
        PurchasingRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new PurchaseRequisitionLine(Id, index, line, actor.Today)).ToList();
        Comment = PurchasingRules.Comment(comment);
        _lines.Clear();
        _lines.AddRange(built);
        Touch(actor);
    }

    public void Submit(PurchasingActor actor)
    {
        EnsureDraft();
        if (_lines.Count == 0) throw BusinessException.ForField("Lines", PurchasingErrorCodes.LinesRequired);
        MoveTo(PurchaseRequisitionStatus.PendingApproval, actor);
    }

    public void Approve(PurchasingActor actor, string? comment = null)
    {
        if (Status != PurchaseRequisitionStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(PurchaseRequisitionStatus.Approved, actor, comment);
    }

    public void Reject(PurchasingActor actor, string? reason)
    {
        if (Status != PurchaseRequisitionStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(PurchaseRequisitionStatus.Draft, actor, reason);
    }

    public void Cancel(string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        if (Status is PurchaseRequisitionStatus.Ordered or PurchaseRequisitionStatus.Cancelled || _lines.Any(l => l.PurchaseOrderId is not null))
        {
            throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        }
        MoveTo(PurchaseRequisitionStatus.Cancelled, actor, why);
    }

    /// <summary>The approved lines not yet on an order; converting needs an approved requisition.</summary>
    public IReadOnlyList<PurchaseRequisitionLine> LinesToOrder()
    {
        if (Status != PurchaseRequisitionStatus.Approved) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        return [.. _lines.Where(l => l.PurchaseOrderId is null)];
    }

    /// <summary>Records the orders the lines went on; once every line is on one, the requisition is ordered.</summary>
    internal void RecordOrdered(IReadOnlyDictionary<int, (Guid OrderId, string OrderNumber)> orders, PurchasingActor actor)
    {
        foreach (var line in _lines)
        {
            if (orders.TryGetValue(line.LineNumber, out var order)) line.Ordered(order.OrderId);
        }
        var numbers = string.Join(", ", orders.Values.Select(o => o.OrderNumber).Distinct());
        if (_lines.All(l => l.PurchaseOrderId is not null)) MoveTo(PurchaseRequisitionStatus.Ordered, actor, numbers);
        else
        {
            _timeline.Add(new PurchaseRequisitionEvent(Id, Status, actor, numbers));
            Touch(actor);
        }
    }

    private void EnsureDraft()
    {
        if (Status != PurchaseRequisitionStatus.Draft) throw new BusinessException(PurchasingErrorCodes.NotEditable, Number);
    }

    private void MoveTo(PurchaseRequisitionStatus status, PurchasingActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new PurchaseRequisitionEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(PurchasingActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

public sealed class PurchaseRequisitionLine : Entity, IMultiTenant
{
    private PurchaseRequisitionLine() { }

    internal PurchaseRequisitionLine(Guid requisitionId, int index, RequisitionLineDetails details, DateOnly today)
    {
        if (details.Quantity <= 0m) throw BusinessException.ForField(PurchasingRules.Field(index, "Quantity"), PurchasingErrorCodes.QuantityMustBePositive);
        if (details.NeededBy < today) throw BusinessException.ForField(PurchasingRules.Field(index, "NeededBy"), PurchasingErrorCodes.NeededByInPast);
        StockLineRules.CheckPrecision(details.Quantity, PurchasingRules.Field(index, "Quantity"));
        RequisitionId = requisitionId;
        LineNumber = index + 1;
        ProductId = details.Product.Id;
        Quantity = details.Quantity;
        NeededBy = details.NeededBy;
        Reason = PurchasingRules.Comment(details.Reason, PurchasingRules.Field(index, "Reason"));
    }

    public Guid? TenantId { get; private set; }
    public Guid RequisitionId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>In the product's base unit.</summary>
    public decimal Quantity { get; private set; }
    public DateOnly NeededBy { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The purchase order the line went on; null while still to order.</summary>
    public Guid? PurchaseOrderId { get; private set; }

    internal void Ordered(Guid orderId) => PurchaseOrderId = orderId;
}

public sealed class PurchaseRequisitionEvent : PurchasingEvent<PurchaseRequisitionStatus>
{
    private PurchaseRequisitionEvent() { }

    internal PurchaseRequisitionEvent(Guid requisitionId, PurchaseRequisitionStatus status, PurchasingActor actor, string? comment) : base(requisitionId, status, actor, comment) { }
}

public sealed record RequisitionLineDetails(Product Product, decimal Quantity, DateOnly NeededBy, string? Reason);
