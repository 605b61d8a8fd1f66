using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Purchasing;

/// <summary>
/// A supplier's invoice for goods received on one purchase order (采购发票), in the order's currency. Lines bill order
/// lines in the order line's unit; amounts round per line like the order's. Submitting runs the three-way match: a
/// quantity beyond what was received and not yet invoiced is refused outright, a unit price outside the company's
/// tolerance of the order price holds the invoice for approval. An approved invoice is payable; payments (partial
/// allowed) bring its open amount down to zero.
/// </summary>
public sealed class PurchaseInvoice : AggregateRoot, IMultiTenant
{
    private readonly List<PurchaseInvoiceLine> _lines = [];
    private readonly List<PurchaseInvoiceEvent> _timeline = [];
    private readonly List<PurchasePayment> _payments = [];

    private PurchaseInvoice() { }

    internal PurchaseInvoice(string number, Guid requestId, PurchaseOrder order, PurchasingActor actor)
    {
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        PurchaseOrderId = order.Id;
        SupplierId = order.SupplierId;
        CurrencyCode = order.CurrencyCode;
        InvoiceDate = actor.Today;
        Status = PurchaseInvoiceStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new PurchaseInvoiceEvent(Id, Status, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public PurchaseInvoiceStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid PurchaseOrderId { get; private set; }
    public Guid SupplierId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;

    /// <summary>The supplier's own invoice number (e.g. the 发票号码), as printed on its invoice.</summary>
    public string? SupplierReference { get; private set; }
    public DateOnly InvoiceDate { get; private set; }
    public string? Comment { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public decimal PaidAmount { get; private set; }

    /// <summary>True when the last submit found a price outside the tolerance (held for approval).</summary>
    public bool IsPriceMismatch { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public int Revision { get; private set; }
    public IReadOnlyList<PurchaseInvoiceLine> Lines => _lines;
    public IReadOnlyList<PurchaseInvoiceEvent> Timeline => _timeline;
    public IReadOnlyList<PurchasePayment> Payments => _payments;

    /// <summary>What is still owed to the supplier: the payable of an approved invoice.</summary>
    public decimal OpenAmount => Status is PurchaseInvoiceStatus.Approved or PurchaseInvoiceStatus.Paid ? TotalAmount - PaidAmount : 0m;

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public void Change(DateOnly? invoiceDate, string? supplierReference, string? comment, IReadOnlyList<PurchaseInvoiceLineDetails> lines, PurchasingActor actor)
    {
        EnsureDraft();
        PurchasingRules.CheckLineCount(lines.Count);
        InvoiceDate = invoiceDate ?? throw BusinessException.ForField(nameof(InvoiceDate), PurchasingErrorCodes.InvoiceDateRequired);
        SupplierReference = Reference(supplierReference, nameof(SupplierReference));
        Comment = PurchasingRules.Comment(comment);
        var built = lines.Select((line, index) => new PurchaseInvoiceLine(Id, index, line)).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        NetAmount = built.Sum(l => l.NetAmount);
        TaxAmount = built.Sum(l => l.TaxAmount);
        TotalAmount = NetAmount + TaxAmount;
        Touch(actor);
    }

    /// <summary>
    /// The three-way match: books every line's quantity on the order (refusing more than received − returned −
    /// invoiced) and compares each unit price with the order's. Returns true when every price is within
    /// <paramref name="tolerancePercent"/>; otherwise the invoice waits for approval of the mismatch.
    /// </summary>
    public bool Submit(PurchaseOrder order, decimal tolerancePercent, PurchasingActor actor)
    {
        EnsureDraft();
        if (order.Id != PurchaseOrderId) throw new InvalidOperationException("An invoice matches against its own order.");
        if (_lines.Count == 0) throw BusinessException.ForField("Lines", PurchasingErrorCodes.LinesRequired);
        var matched = true;
        for (var index = 0; index < _lines.Count; index++)
        {
            var line = _lines[index];
            var orderLine = order.Line(line.OrderLineNumber, PurchasingRules.Field(index, nameof(PurchaseInvoiceLine.OrderLineNumber)));
            order.Invoice(line.OrderLineNumber, line.BaseQuantity, PurchasingRules.Field(index, nameof(PurchaseInvoiceLine.Quantity)));
            matched &= line.MatchPrice(orderLine.UnitPrice, tolerancePercent);
        }
        IsPriceMismatch = !matched;
        MoveTo(PurchaseInvoiceStatus.PendingApproval, actor);
        return matched;
    }

    public void Approve(PurchaseOrder order, PurchasingActor actor, string? comment = null)
    {
        if (Status != PurchaseInvoiceStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        ApprovedAt = actor.At;
        MoveTo(PurchaseInvoiceStatus.Approved, actor, comment);
        order.UpdateInvoiceStatus(actor, Number);
    }

    /// <summary>An approver refused the mismatch: a draft again (to correct), and the order may be invoiced again.</summary>
    public void Reject(PurchaseOrder order, PurchasingActor actor, string? reason)
    {
        if (Status != PurchaseInvoiceStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.StatusChangeNotAllowed, Number);
        foreach (var line in _lines) order.ReleaseInvoiced(line.OrderLineNumber, line.BaseQuantity, actor, Number);
        MoveTo(PurchaseInvoiceStatus.Draft, actor, reason);
    }

    public void Cancel(string? reason, PurchasingActor actor)
    {
        var why = PurchasingRules.Reason(reason);
        EnsureDraft();
        MoveTo(PurchaseInvoiceStatus.Cancelled, actor, why);
    }

    /// <summary>Records a payment to the supplier; partial payments are fine, paying more than is open is not.</summary>
    public PurchasePayment Pay(decimal? amount, DateOnly? paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        if (Status != PurchaseInvoiceStatus.Approved) throw new BusinessException(PurchasingErrorCodes.InvoiceNotPayable, Number);
        if (amount is not { } value || value <= 0m || decimal.Round(value, PurchasingConsts.AmountScale) != value)
        {
            throw BusinessException.ForField("Amount", PurchasingErrorCodes.PaymentAmountInvalid);
        }
        if (value > OpenAmount) throw BusinessException.ForField("Amount", PurchasingErrorCodes.PaymentExceedsOpen, OpenAmount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
        var date = paidOn ?? throw BusinessException.ForField("PaidOn", PurchasingErrorCodes.PaymentDateRequired);
        var payment = new PurchasePayment(Id, value, date, method, Reference(reference, "Reference"), actor);
        _payments.Add(payment);
        PaidAmount += value;
        if (PaidAmount == TotalAmount) MoveTo(PurchaseInvoiceStatus.Paid, actor, $"{CurrencyCode} {value:0.00}");
        else
        {
            _timeline.Add(new PurchaseInvoiceEvent(Id, Status, actor, $"{CurrencyCode} {value:0.00}"));
            Touch(actor);
        }
        return payment;
    }

    private static string? Reference(string? value, string field)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is { Length: > PurchasingConsts.MaxReferenceLength })
        {
            throw BusinessException.ForField(field, PurchasingErrorCodes.ReferenceTooLong, PurchasingConsts.MaxReferenceLength);
        }
        return trimmed;
    }

    private void EnsureDraft()
    {
        if (Status != PurchaseInvoiceStatus.Draft) throw new BusinessException(PurchasingErrorCodes.NotEditable, Number);
    }

    private void MoveTo(PurchaseInvoiceStatus status, PurchasingActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new PurchaseInvoiceEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(PurchasingActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

public sealed class PurchaseInvoiceLine : Entity, IMultiTenant
{
    private PurchaseInvoiceLine() { }

    internal PurchaseInvoiceLine(Guid invoiceId, int index, PurchaseInvoiceLineDetails details)
    {
        var orderLine = details.OrderLine;
        if (details.Quantity <= 0m) throw BusinessException.ForField(PurchasingRules.Field(index, nameof(Quantity)), PurchasingErrorCodes.QuantityMustBePositive);
        if (decimal.Round(details.Quantity, PurchasingConsts.QuantityScale) != details.Quantity)
        {
            throw BusinessException.ForField(PurchasingRules.Field(index, nameof(Quantity)), PurchasingErrorCodes.QuantityMustBePositive);
        }
        if (details.UnitPrice < 0m || decimal.Round(details.UnitPrice, PurchasingConsts.UnitPriceScale) != details.UnitPrice || details.UnitPrice >= 1_000_000_000_000m)
        {
            throw BusinessException.ForField(PurchasingRules.Field(index, nameof(UnitPrice)), PurchasingErrorCodes.UnitPriceInvalid, PurchasingConsts.UnitPriceScale);
        }
        InvoiceId = invoiceId;
        LineNumber = index + 1;
        OrderLineNumber = orderLine.LineNumber;
        ProductId = orderLine.ProductId;
        Unit = orderLine.Unit;
        Quantity = details.Quantity;
        BaseQuantity = decimal.Round(details.Quantity * orderLine.BaseQuantity / orderLine.Quantity, PurchasingConsts.QuantityScale, MidpointRounding.AwayFromZero);
        UnitPrice = details.UnitPrice;
        OrderUnitPrice = orderLine.UnitPrice;
        TaxRate = orderLine.TaxRate;
        NetAmount = PurchasingRules.Amount(Quantity * UnitPrice);
        TaxAmount = PurchasingRules.Amount(NetAmount * TaxRate);
    }

    public Guid? TenantId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public int LineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal Quantity { get; private set; }
    public decimal BaseQuantity { get; private set; }
    public decimal UnitPrice { get; private set; }

    /// <summary>The order's price for the same unit, kept so the match stays readable after the fact.</summary>
    public decimal OrderUnitPrice { get; private set; }
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }

    /// <summary>How far the invoiced price is from the order's, in percent of the order's (null until matched).</summary>
    public decimal? PriceVariancePercent { get; private set; }

    internal bool MatchPrice(decimal orderUnitPrice, decimal tolerancePercent)
    {
        OrderUnitPrice = orderUnitPrice;
        if (orderUnitPrice == 0m)
        {
            PriceVariancePercent = UnitPrice == 0m ? 0m : null;
            return UnitPrice == 0m;
        }
        PriceVariancePercent = decimal.Round((UnitPrice - orderUnitPrice) / orderUnitPrice * 100m, 2, MidpointRounding.AwayFromZero);
        return Math.Abs(UnitPrice - orderUnitPrice) * 100m <= tolerancePercent * orderUnitPrice;
    }
}

/// <summary>One payment to the supplier against an invoice: amount, day, how and the bank's reference.</summary>
public sealed class PurchasePayment : Entity, IMultiTenant
{
    private PurchasePayment() { }

    internal PurchasePayment(Guid invoiceId, decimal amount, DateOnly paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        InvoiceId = invoiceId;
        Amount = amount;
        PaidOn = paidOn;
        Method = method;
        Reference = reference;
        CreatedAt = actor.At;
        UserName = actor.UserName;
    }

    public Guid? TenantId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public PaymentMethod Method { get; private set; }
    public string? Reference { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? UserName { get; private set; }
}

public sealed class PurchaseInvoiceEvent : PurchasingEvent<PurchaseInvoiceStatus>
{
    private PurchaseInvoiceEvent() { }

    internal PurchaseInvoiceEvent(Guid invoiceId, PurchaseInvoiceStatus status, PurchasingActor actor, string? comment) : base(invoiceId, status, actor, comment) { }
}

/// <summary>An invoice line as resolved: the order line billed, the quantity in its unit and the supplier's unit price.</summary>
public sealed record PurchaseInvoiceLineDetails(PurchaseOrderLine OrderLine, decimal Quantity, decimal UnitPrice);
