using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;

namespace ErpSaaS.Sales;

/// <summary>
/// A sales return (销售退货) of goods a posted delivery shipped: per delivery line at most what was shipped and not
/// returned yet, with a reason, received back into the original warehouse or into a quarantine warehouse at the cost
/// each unit left at. Recording it posts it: the delivery and the order count the goods as returned, and the part that
/// was already invoiced is credited against the invoice's open amount.
/// </summary>
public sealed class SalesReturn : AggregateRoot, IMultiTenant
{
    private readonly List<SalesReturnLine> _lines = [];
    private readonly List<SalesReturnEvent> _timeline = [];

    private SalesReturn() { }

    internal SalesReturn(string number, Guid requestId, SalesDelivery delivery, Guid warehouseId, SalesReturnDestination destination, string? reason,
        IReadOnlyList<(int DeliveryLineNumber, decimal Quantity)> lines, SalesActor actor)
    {
        if (delivery.Status != SalesDeliveryStatus.Posted) throw new BusinessException(SalesErrorCodes.DeliveryNotPosted, delivery.Number);
        var why = SalesRules.Comment(reason, "Reason") ?? throw BusinessException.ForField("Reason", SalesErrorCodes.ReturnReasonRequired);
        var asked = lines.Where(l => l.Quantity != 0m).ToList();
        if (asked.Count == 0) throw BusinessException.ForField("Lines", SalesErrorCodes.NothingToReturn);
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        DeliveryId = delivery.Id;
        OrderId = delivery.OrderId;
        CustomerId = delivery.CustomerId;
        WarehouseId = warehouseId;
        Destination = destination;
        Reason = why;
        Status = SalesReturnStatus.Posted;
        CreatedAt = actor.At;
        var taken = new Dictionary<int, decimal>();
        for (var index = 0; index < lines.Count; index++)
        {
            var (deliveryLineNumber, quantity) = lines[index];
            if (quantity == 0m) continue;
            var shipped = delivery.Lines.SingleOrDefault(l => l.LineNumber == deliveryLineNumber)
                          ?? throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.NothingToReturn);
            SalesRules.CheckQuantity(quantity, SalesRules.Field(index, "Quantity"));
            // Two rows naming the same delivery line share what it can still take back.
            taken[deliveryLineNumber] = taken.GetValueOrDefault(deliveryLineNumber) + quantity;
            if (taken[deliveryLineNumber] > shipped.ReturnableQuantity)
            {
                throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.ReturnExceedsDelivered, shipped.LineNumber, shipped.ReturnableQuantity / 1.0000000000000000000000000000m);
            }
            _lines.Add(new SalesReturnLine(Id, _lines.Count + 1, shipped, quantity));
        }
        _timeline.Add(new SalesReturnEvent(Id, Status, actor, why));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public SalesReturnStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>Where the goods went back in: the delivery's warehouse, or a quarantine warehouse.</summary>
    public Guid WarehouseId { get; private set; }
    public SalesReturnDestination Destination { get; private set; }
    public string Reason { get; private set; } = null!;

    /// <summary>What the return took off the invoice's open amount (with tax).</summary>
    public decimal CreditedAmount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<SalesReturnLine> Lines => _lines;
    public IReadOnlyList<SalesReturnEvent> Timeline => _timeline;

    /// <summary>The receipt into the destination warehouse at the cost each unit left at, in the batch it left from.</summary>
    public StockPosting Posting() =>
        new(SalesConsts.ReturnSource, Id, Number, CreatedAt, _lines.Select(l => new StockMovement
        {
            LineNumber = l.LineNumber, ProductId = l.ProductId, WarehouseId = WarehouseId, BatchNumber = l.BatchNumber, Quantity = l.Quantity, UnitCost = l.UnitCost,
        }).ToList());

    internal void RecordCredit(decimal amount, string invoiceNumber, SalesActor actor)
    {
        if (amount <= 0m) return;
        CreditedAmount += amount;
        _timeline.Add(new SalesReturnEvent(Id, Status, actor, $"{invoiceNumber}: −{amount:0.00}"));
    }
}

public sealed class SalesReturnLine : Entity, IMultiTenant
{
    private SalesReturnLine() { }

    internal SalesReturnLine(Guid returnId, int lineNumber, SalesDeliveryLine shipped, decimal quantity)
    {
        ReturnId = returnId;
        LineNumber = lineNumber;
        DeliveryLineNumber = shipped.LineNumber;
        OrderLineNumber = shipped.OrderLineNumber;
        ProductId = shipped.ProductId;
        BatchNumber = shipped.BatchNumber;
        Quantity = quantity;
        UnitCost = shipped.PostedUnitCost ?? 0m;
    }

    public Guid? TenantId { get; private set; }
    public Guid ReturnId { get; private set; }
    public int LineNumber { get; private set; }
    public int DeliveryLineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public string? BatchNumber { get; private set; }

    /// <summary>Base units back.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>The cost one unit left at on the delivery: it comes back at the same cost.</summary>
    public decimal UnitCost { get; private set; }
}

public sealed class SalesReturnEvent : SalesEvent
{
    private SalesReturnEvent() { }
    internal SalesReturnEvent(Guid documentId, SalesReturnStatus status, SalesActor actor, string? comment) : base(documentId, status.ToString(), actor, comment) { }
}
