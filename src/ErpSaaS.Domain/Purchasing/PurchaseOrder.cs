using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.Purchasing;

/// <summary>
/// A commitment to buy from one supplier into one warehouse (采购订单), in the supplier's currency. Lines carry their own
/// tax; each line's net and tax amounts are rounded to the cent and the order's totals are the sums of the rounded
/// line amounts, so the printed order, the invoice and the voucher agree to the cent. Only a draft changes; from
/// approval on, quantities received and invoiced move the status, and changes go through cancel (with a reason).
/// Every change counts up <see cref="Revision"/>, so a stale edit is caught even when only lines changed.
/// </summary>
public sealed class PurchaseOrder : AggregateRoot, IMultiTenant
{
    private readonly List<PurchaseOrderLine> _lines = [];
    private readonly List<PurchaseOrderEvent> _timeline = [];

    private PurchaseOrder() { }

    internal PurchaseOrder(string number, Guid requestId, Supplier supplier, Guid warehouseId, string? comment, PurchasingActor actor)
    {
        Number = number;
        // Callers without a form token (the API) still get a unique one: their retries are theirs to make safe.
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        SupplierId = supplier.Id;
        CurrencyCode = supplier.CurrencyCode;
        WarehouseId = warehouseId;
        OrderDate = actor.Today;
        Comment = PurchasingRules.Comment(comment);
        Status = PurchaseOrderStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new PurchaseOrderEvent(Id, Status, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public PurchaseOrderStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;
    public DateOnly OrderDate { get; private set; }

    /// <summary>The delivery date the supplier confirmed for the whole order (a line may have its own).</summary>
    public DateOnly? ConfirmedDate { get; private set; }
    public string? Comment { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The approved order this draft replaces (变更): that one was cancelled when this copy was made.</summary>
    public Guid? AmendsOrderId { get; private set; }
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;
    public IReadOnlyList<PurchaseOrderEvent> Timeline => _timeline;

    /// <summary>Approved and not yet ended: goods may be received against it and it counts as on order.</summary>
    public bool IsOpen => Status is PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent or PurchaseOrderStatus.PartiallyReceived;

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public void Change(Guid warehouseId, string? comment, IReadOnlyList<PurchaseOrderLineDetails> lines, PurchasingActor actor)
    {
        EnsureDraft();
        PurchasingRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new PurchaseOrderLine(Id, index, OrderDate, line)).ToList();
        WarehouseId = warehouseId;
        Comment = PurchasingRules.Comment(comment);
        _lines.Clear();
        _lines.AddRange(built);
        NetAmount = built.Sum(l => l.NetAmount);
        TaxAmount = built.Sum(l => l.TaxAmount);
        TotalAmount = NetAmount + TaxAmount;
        Touch(actor);
    }

    /// <summary>Puts the order up for approval; the approval engine answers at once (no step applies) or later.</summary>
    public void Submit(PurchasingActor actor)
    {
        EnsureDraft();
        if (_lines.Count == 0) throw BusinessException.ForField("Lines", PurchasingErrorCodes.LinesRequired);
        MoveTo(PurchaseOrderStatus.PendingApproval, actor);
    }

    public void Approve(PurchasingActor actor, string? comment = null)
    {
        if (Status != PurchaseOrderStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        ApprovedAt = actor.At;
        MoveTo(PurchaseOrderStatus.Approved, actor, comment);
    }

    /// <summary>An approver said no: the order is a draft again, and the timeline keeps the reason.</summary>
    public void Reject(PurchasingActor actor, string? reason)
    {
        if (Status != PurchaseOrderStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(PurchaseOrderStatus.Draft, actor, reason);
    }

    /// <summary>The order went to the supplier (printed, mailed); receiving does not wait for it.</summary>
    public void MarkSent(PurchasingActor actor)
    {
        if (Status != PurchaseOrderStatus.Approved) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        SentAt = actor.At;
        MoveTo(PurchaseOrderStatus.Sent, actor);
    }

    /// <summary>
    /// Records the delivery date the supplier confirmed, for the whole order (<paramref name="lineNumber"/> null) or one
    /// line; on-order stock is then expected on that date.
    /// </summary>
    public void ConfirmDate(DateOnly date, int? lineNumber, PurchasingActor actor)
    {
        if (!IsOpen) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        if (date < OrderDate) throw BusinessException.ForField("ConfirmedDate", PurchasingErrorCodes.ConfirmedDateBeforeOrder, OrderDate);
        if (lineNumber is { } number)
        {
            var line = _lines.SingleOrDefault(l => l.LineNumber == number)
                       ?? throw BusinessException.ForField("LineNumber", PurchasingErrorCodes.OrderLineUnknown, number);
            line.Confirm(date);
        }
        else
        {
            ConfirmedDate = date;
        }
        _timeline.Add(new PurchaseOrderEvent(Id, Status, actor, lineNumber is { } n ? $"#{n} → {date:yyyy-MM-dd}" : $"→ {date:yyyy-MM-dd}"));
        Touch(actor);
    }

    /// <summary>The day a line's goods are expected: the supplier's confirmed date (line, then order), else the planned one.</summary>
    public DateOnly DueOn(PurchaseOrderLine line) => line.ConfirmedDate ?? ConfirmedDate ?? line.ExpectedDate;

    /// <summary>Withdraws an order nothing was received against; a draft or pending one too.</summary>
    public void Cancel(string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        if (Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Closed or PurchaseOrderStatus.Completed)
        {
            throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        }
        if (_lines.Any(l => l.ReceivedQuantity > 0m)) throw new BusinessException(PurchasingErrorCodes.CancelAfterReceipt, Number);
        MoveTo(PurchaseOrderStatus.Cancelled, actor, why);
    }

    /// <summary>
    /// An approved order is never edited. To change one nothing has been received against yet, it is amended: this
    /// order is cancelled with the reason and <paramref name="replacement"/>, a draft copy, takes its place and goes
    /// through approval again. Each timeline names the other order.
    /// </summary>
    public void AmendInto(PurchaseOrder replacement, string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        EnsureAmendable();
        if (replacement.Status != PurchaseOrderStatus.Draft || replacement.SupplierId != SupplierId) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, replacement.Number);
        replacement.AmendsOrderId = Id;
        replacement._timeline.Add(new PurchaseOrderEvent(replacement.Id, replacement.Status, actor, $"{Number} → {replacement.Number}: {why}"));
        MoveTo(PurchaseOrderStatus.Cancelled, actor, $"{Number} → {replacement.Number}: {why}");
    }

    /// <summary>Approved (sent or not) and so untouched by receipts, which move the status on: the only orders an amendment may replace.</summary>
    public void EnsureAmendable()
    {
        if (Status is not (PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent)) throw new BusinessException(PurchasingErrorCodes.AmendNotAllowed, Number);
    }

    /// <summary>Short-closes an open order: what was not received is no longer expected.</summary>
    public void Close(string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        if (!IsOpen && Status != PurchaseOrderStatus.ToInvoice) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(PurchaseOrderStatus.Closed, actor, why);
    }

    /// <summary>
    /// Books goods received against a line (accepted plus rejected goods kept in quarantine, in base units), refusing
    /// more than the order plus the company's over-receipt tolerance.
    /// </summary>
    internal void Receive(int lineNumber, decimal baseQuantity, decimal tolerancePercent, string field)
    {
        if (!IsOpen) throw new BusinessException(PurchasingErrorCodes.OrderNotReceivable, Number);
        var line = Line(lineNumber, field);
        var allowed = line.BaseQuantity * (1m + tolerancePercent / 100m);
        if (line.ReceivedQuantity + baseQuantity > allowed)
        {
            throw BusinessException.ForField(field, PurchasingErrorCodes.OverReceipt, line.LineNumber,
                PurchasingRules.Plain(decimal.Round(Math.Max(0m, allowed - line.ReceivedQuantity), PurchasingConsts.QuantityScale)), PurchasingRules.Plain(tolerancePercent));
        }
        line.AddReceived(baseQuantity);
    }

    /// <summary>After receipts: partially received, or to invoice once every line has all it ordered.</summary>
    internal void UpdateReceiptStatus(PurchasingActor actor, string receiptNumber)
    {
        var next = _lines.All(l => l.ReceivedQuantity >= l.BaseQuantity) ? PurchaseOrderStatus.ToInvoice
            : _lines.Any(l => l.ReceivedQuantity > 0m) ? PurchaseOrderStatus.PartiallyReceived
            : Status;
        if (next != Status) MoveTo(next, actor, receiptNumber);
        else Touch(actor);
    }

    /// <summary>
    /// Three-way match of one invoiced line, in base units: no more than received − returned − already invoiced (a
    /// held invoice counts, so two invoices never bill the same goods). Books the quantity as invoiced.
    /// </summary>
    internal void Invoice(int lineNumber, decimal baseQuantity, string field)
    {
        var line = Line(lineNumber, field);
        if (baseQuantity > line.InvoiceableQuantity)
        {
            throw BusinessException.ForField(field, PurchasingErrorCodes.OverInvoiced, lineNumber,
                PurchasingRules.Plain(decimal.Round(line.InvoiceableQuantity * line.Quantity / line.BaseQuantity, PurchasingConsts.QuantityScale)), line.Unit);
        }
        line.AddInvoiced(baseQuantity);
    }

    /// <summary>A rejected or cancelled invoice gives its quantities back; a completed order has something to invoice again.</summary>
    internal void ReleaseInvoiced(int lineNumber, decimal baseQuantity, PurchasingActor actor, string invoiceNumber)
    {
        Line(lineNumber).AddInvoiced(-baseQuantity);
        if (Status == PurchaseOrderStatus.Completed) MoveTo(PurchaseOrderStatus.ToInvoice, actor, invoiceNumber);
        else Touch(actor);
    }

    /// <summary>Goods handed back to the supplier after receipt: no longer to be invoiced.</summary>
    internal void Return(int lineNumber, decimal baseQuantity, PurchasingActor actor, string returnNumber)
    {
        Line(lineNumber).AddReturned(baseQuantity);
        _timeline.Add(new PurchaseOrderEvent(Id, Status, actor, returnNumber));
        Touch(actor);
    }

    /// <summary>An order fully received whose received goods are all invoiced is completed.</summary>
    internal void UpdateInvoiceStatus(PurchasingActor actor, string invoiceNumber)
    {
        if (Status == PurchaseOrderStatus.ToInvoice && _lines.All(l => l.InvoiceableQuantity == 0m))
        {
            MoveTo(PurchaseOrderStatus.Completed, actor, invoiceNumber);
        }
        else
        {
            Touch(actor);
        }
    }

    public PurchaseOrderLine Line(int lineNumber, string field = "LineNumber") =>
        _lines.SingleOrDefault(l => l.LineNumber == lineNumber) ?? throw BusinessException.ForField(field, PurchasingErrorCodes.OrderLineUnknown, lineNumber);

    private void EnsureDraft()
    {
        if (Status != PurchaseOrderStatus.Draft) throw new BusinessException(PurchasingErrorCodes.NotEditable, Number);
    }

    private void MoveTo(PurchaseOrderStatus status, PurchasingActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new PurchaseOrderEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(PurchasingActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

public sealed class PurchaseOrderLine : Entity, IMultiTenant
{
    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(Guid orderId, int index, DateOnly orderDate, PurchaseOrderLineDetails details)
    {
        var product = details.Product;
        if (details.Quantity <= 0m) throw BusinessException.ForField(PurchasingRules.Field(index, "Quantity"), PurchasingErrorCodes.QuantityMustBePositive);
        if (details.UnitPrice < 0m || decimal.Round(details.UnitPrice, PurchasingConsts.UnitPriceScale) != details.UnitPrice || details.UnitPrice >= 1_000_000_000_000m)
        {
            throw BusinessException.ForField(PurchasingRules.Field(index, "UnitPrice"), PurchasingErrorCodes.UnitPriceInvalid, PurchasingConsts.UnitPriceScale);
        }
        if (details.ExpectedDate < orderDate)
        {
            throw BusinessException.ForField(PurchasingRules.Field(index, "ExpectedDate"), PurchasingErrorCodes.ExpectedDateBeforeOrder, orderDate);
        }
        OrderId = orderId;
        LineNumber = index + 1;
        ProductId = product.Id;
        Unit = StockLineRules.UnitOf(product, details.Unit, index);
        Quantity = details.Quantity;
        BaseQuantity = StockLineRules.ToBase(product, details.Quantity, Unit, index);
        UnitPrice = details.UnitPrice;
        TaxRateId = details.TaxRate?.Id;
        TaxRate = details.TaxRate?.Rate ?? 0m;
        NetAmount = PurchasingRules.Amount(Quantity * UnitPrice);
        TaxAmount = PurchasingRules.Amount(NetAmount * TaxRate);
        ExpectedDate = details.ExpectedDate;
    }

    public Guid? TenantId { get; private set; }
    public Guid OrderId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }

    /// <summary>Per unit entered (<see cref="Unit"/>), before tax, in the order's currency.</summary>
    public decimal UnitPrice { get; private set; }
    public Guid? TaxRateId { get; private set; }
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public DateOnly ExpectedDate { get; private set; }
    public DateOnly? ConfirmedDate { get; private set; }

    /// <summary>Base units received into our custody (accepted, and rejected goods kept in quarantine).</summary>
    public decimal ReceivedQuantity { get; private set; }

    /// <summary>Base units the supplier has invoiced.</summary>
    public decimal InvoicedQuantity { get; private set; }

    /// <summary>Base units received and then returned to the supplier (purchase returns).</summary>
    public decimal ReturnedQuantity { get; private set; }

    public decimal GrossAmount => NetAmount + TaxAmount;

    /// <summary>Base units received, not returned and not yet invoiced: what an invoice may still bill.</summary>
    public decimal InvoiceableQuantity => Math.Max(0m, ReceivedQuantity - ReturnedQuantity - InvoicedQuantity);

    /// <summary>Base units still to come; nothing once more than ordered arrived.</summary>
    public decimal OpenQuantity => Math.Max(0m, BaseQuantity - ReceivedQuantity);

    /// <summary>The price of one base unit in the order's currency, as the stock ledger values a receipt.</summary>
    public decimal BaseUnitPrice => decimal.Round(UnitPrice * Quantity / BaseQuantity, PurchasingConsts.UnitPriceScale, MidpointRounding.AwayFromZero);

    internal void Confirm(DateOnly date) => ConfirmedDate = date;

    internal void AddReceived(decimal baseQuantity) => ReceivedQuantity += baseQuantity;

    internal void AddInvoiced(decimal baseQuantity) => InvoicedQuantity += baseQuantity;

    internal void AddReturned(decimal baseQuantity) => ReturnedQuantity += baseQuantity;
}

public sealed class PurchaseOrderEvent : PurchasingEvent<PurchaseOrderStatus>
{
    private PurchaseOrderEvent() { }

    internal PurchaseOrderEvent(Guid orderId, PurchaseOrderStatus status, PurchasingActor actor, string? comment) : base(orderId, status, actor, comment) { }
}

/// <summary>A line as the application resolved it: the product, the tax rate (none = untaxed) and the defaults already applied.</summary>
public sealed record PurchaseOrderLineDetails(Product Product, decimal Quantity, string? Unit, decimal UnitPrice, TaxRate? TaxRate, DateOnly ExpectedDate);
