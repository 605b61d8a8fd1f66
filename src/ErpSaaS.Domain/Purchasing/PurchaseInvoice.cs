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

    /// <summary>How many payments were ever recorded on the invoice: numbers them (PI-…/1, /2, …), never reused after a delete.</summary>
    public int PaymentsRecorded { get; private set; }

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

    /// <summary>
    /// Records a payment to the supplier, not yet counted as paid: partial payments are fine, paying more than is open
    /// (less what other payments waiting for approval will pay) is not. It counts once approved
    /// (<see cref="ApprovePayment"/>): at once when no approval step applies, else when its last approver approves.
    /// </summary>
    public PurchasePayment RecordPayment(decimal? amount, DateOnly? paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        if (Status != PurchaseInvoiceStatus.Approved) throw new BusinessException(PurchasingErrorCodes.InvoiceNotPayable, Number);
        var (value, date, checkedReference) = CheckPayment(amount, paidOn, reference, null);
        PaymentsRecorded++;
        var payment = new PurchasePayment(Id, $"{Number}/{PaymentsRecorded}", value, date, method, checkedReference, actor);
        _payments.Add(payment);
        Touch(actor);
        return payment;
    }

    /// <summary>The payment was approved: it counts as paid, and paying the last of the invoice makes it paid.</summary>
    public void ApprovePayment(Guid paymentId, PurchasingActor actor, string? comment = null)
    {
        var payment = PaymentById(paymentId);
        if (payment.Status != PurchasePaymentStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.PaymentNotPending, payment.Number);
        if (Status != PurchaseInvoiceStatus.Approved) throw new BusinessException(PurchasingErrorCodes.InvoiceNotPayable, Number);
        payment.Approve();
        PaidAmount += payment.Amount;
        var note = comment is null ? $"{CurrencyCode} {payment.Amount:0.00}" : $"{CurrencyCode} {payment.Amount:0.00} · {comment}";
        if (PaidAmount == TotalAmount) MoveTo(PurchaseInvoiceStatus.Paid, actor, note);
        else
        {
            _timeline.Add(new PurchaseInvoiceEvent(Id, Status, actor, note));
            Touch(actor);
        }
    }

    /// <summary>An approver refused the payment: it stays on the invoice as rejected, with the reason, and counts for nothing.</summary>
    public void RejectPayment(Guid paymentId, PurchasingActor actor, string? reason)
    {
        var payment = PaymentById(paymentId);
        if (payment.Status != PurchasePaymentStatus.PendingApproval) throw new BusinessException(PurchasingErrorCodes.PaymentNotPending, payment.Number);
        payment.Reject(PurchasingRules.Comment(reason, "Reason"));
        Touch(actor);
    }

    /// <summary>A rejected payment corrected: its new amount, day, method and reference, waiting for approval again.</summary>
    public PurchasePayment RevisePayment(Guid paymentId, decimal? amount, DateOnly? paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        var payment = PaymentById(paymentId);
        if (payment.Status != PurchasePaymentStatus.Rejected) throw new BusinessException(PurchasingErrorCodes.PaymentNotRejected, payment.Number);
        if (Status != PurchaseInvoiceStatus.Approved) throw new BusinessException(PurchasingErrorCodes.InvoiceNotPayable, Number);
        var (value, date, checkedReference) = CheckPayment(amount, paidOn, reference, payment);
        payment.Revise(value, date, method, checkedReference, actor);
        Touch(actor);
        return payment;
    }

    /// <summary>A rejected payment that will not be made: it leaves the invoice (its approval trail stays with the approvals).</summary>
    public void DeletePayment(Guid paymentId, PurchasingActor actor)
    {
        var payment = PaymentById(paymentId);
        if (payment.Status != PurchasePaymentStatus.Rejected) throw new BusinessException(PurchasingErrorCodes.PaymentNotRejected, payment.Number);
        _payments.Remove(payment);
        Touch(actor);
    }

    /// <summary>What payments waiting for approval will pay once approved.</summary>
    public decimal PendingPaymentAmount => _payments.Where(p => p.Status == PurchasePaymentStatus.PendingApproval).Sum(p => p.Amount);

    public PurchasePayment PaymentById(Guid paymentId) =>
        _payments.FirstOrDefault(p => p.Id == paymentId) ?? throw new BusinessException(PurchasingErrorCodes.PaymentUnknown, Number);

    private (decimal Amount, DateOnly PaidOn, string? Reference) CheckPayment(decimal? amount, DateOnly? paidOn, string? reference, PurchasePayment? revised)
    {
        if (amount is not { } value || value <= 0m || decimal.Round(value, PurchasingConsts.AmountScale) != value)
        {
            throw BusinessException.ForField("Amount", PurchasingErrorCodes.PaymentAmountInvalid);
        }
        var payable = OpenAmount - _payments.Where(p => p != revised && p.Status == PurchasePaymentStatus.PendingApproval).Sum(p => p.Amount);
        if (value > payable) throw BusinessException.ForField("Amount", PurchasingErrorCodes.PaymentExceedsOpen, payable.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
        var date = paidOn ?? throw BusinessException.ForField("PaidOn", PurchasingErrorCodes.PaymentDateRequired);
        return (value, date, Reference(reference, "Reference"));
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

/// <summary>
/// One payment to the supplier against an invoice: amount, day, how and the bank's reference, numbered after the
/// invoice (PI-…/2). It counts as paid only once approved; a rejected one keeps the approver's reason.
/// </summary>
public sealed class PurchasePayment : Entity, IMultiTenant
{
    private PurchasePayment() { }

    internal PurchasePayment(Guid invoiceId, string number, decimal amount, DateOnly paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        InvoiceId = invoiceId;
        Number = number;
        Amount = amount;
        PaidOn = paidOn;
        Method = method;
        Reference = reference;
        Status = PurchasePaymentStatus.PendingApproval;
        CreatedAt = actor.At;
        UserName = actor.UserName;
    }

    public Guid? TenantId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public string Number { get; private set; } = null!;
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public PaymentMethod Method { get; private set; }
    public string? Reference { get; private set; }
    public PurchasePaymentStatus Status { get; private set; }

    /// <summary>Why the approver refused it (while rejected).</summary>
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? UserName { get; private set; }

    internal void Approve()
    {
        Status = PurchasePaymentStatus.Approved;
        RejectionReason = null;
    }

    internal void Reject(string? reason)
    {
        Status = PurchasePaymentStatus.Rejected;
        RejectionReason = reason;
    }

    internal void Revise(decimal amount, DateOnly paidOn, PaymentMethod method, string? reference, PurchasingActor actor)
    {
        Amount = amount;
        PaidOn = paidOn;
        Method = method;
        Reference = reference;
        Status = PurchasePaymentStatus.PendingApproval;
        RejectionReason = null;
        UserName = actor.UserName;
    }
}

public sealed class PurchaseInvoiceEvent : PurchasingEvent<PurchaseInvoiceStatus>
{
    private PurchaseInvoiceEvent() { }

    internal PurchaseInvoiceEvent(Guid invoiceId, PurchaseInvoiceStatus status, PurchasingActor actor, string? comment) : base(invoiceId, status, actor, comment) { }
}

/// <summary>An invoice line as resolved: the order line billed, the quantity in its unit and the supplier's unit price.</summary>
public sealed record PurchaseInvoiceLineDetails(PurchaseOrderLine OrderLine, decimal Quantity, decimal UnitPrice);
