using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Sales;

/// <summary>
/// A sales invoice (销售发票) for what a delivery shipped and was not invoiced yet. It creates a receivable of its total
/// with tax; receipts (partial or whole) bring the open amount down to zero.
/// </summary>
public sealed class SalesInvoice : AggregateRoot, IMultiTenant
{
    private readonly List<SalesInvoiceLine> _lines = [];
    private readonly List<SalesReceipt> _receipts = [];
    private readonly List<SalesInvoiceEvent> _timeline = [];

    private SalesInvoice() { }

    internal SalesInvoice(string number, SalesOrder order, SalesDelivery delivery, int paymentTermsDays, SalesActor actor)
    {
        Number = number;
        OrderId = order.Id;
        DeliveryId = delivery.Id;
        CustomerId = order.CustomerId;
        CurrencyCode = order.CurrencyCode;
        InvoiceDate = actor.Today;
        DueDate = actor.Today.AddDays(Math.Max(0, paymentTermsDays));
        Status = SalesInvoiceStatus.Open;
        CreatedAt = actor.At;
        foreach (var (line, quantity) in delivery.TakeUninvoiced(actor))
        {
            var (net, tax) = order.RecordInvoiced(line.OrderLineNumber, quantity, actor);
            _lines.Add(new SalesInvoiceLine(Id, _lines.Count + 1, line.OrderLineNumber, line.ProductId, quantity, net, tax));
        }
        NetAmount = _lines.Sum(l => l.NetAmount);
        TaxAmount = _lines.Sum(l => l.TaxAmount);
        TotalAmount = NetAmount + TaxAmount;
        _timeline.Add(new SalesInvoiceEvent(Id, SalesInvoiceStatus.Open, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public SalesInvoiceStatus Status { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;
    public DateOnly InvoiceDate { get; private set; }
    public DateOnly DueDate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public decimal ReceivedAmount { get; private set; }

    /// <summary>Taken off by returns of invoiced goods (a credit against what the customer still owes).</summary>
    public decimal CreditedAmount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<SalesInvoiceLine> Lines => _lines;
    public IReadOnlyList<SalesReceipt> Receipts => _receipts;
    public IReadOnlyList<SalesInvoiceEvent> Timeline => _timeline;

    /// <summary>The receivable still open (应收).</summary>
    public decimal OpenAmount => TotalAmount - ReceivedAmount - CreditedAmount;

    /// <summary>
    /// What one base unit of an order line was billed at on this invoice (with tax), or null when the invoice does not
    /// bill that line.
    /// </summary>
    public decimal? UnitAmount(int orderLineNumber)
    {
        var lines = _lines.Where(l => l.OrderLineNumber == orderLineNumber).ToList();
        var quantity = lines.Sum(l => l.Quantity);
        return quantity == 0m ? null : lines.Sum(l => l.NetAmount + l.TaxAmount) / quantity;
    }

    /// <summary>
    /// A return of invoiced goods lowers the receivable by their billed amount. Money already received is not paid
    /// back here, so the credit stops at the open amount; the part that was not applied is returned to the caller.
    /// </summary>
    public decimal Credit(decimal amount, string returnNumber, SalesActor actor)
    {
        var applied = Math.Min(SalesRules.Money(amount), OpenAmount);
        if (applied <= 0m) return 0m;
        CreditedAmount += applied;
        Status = OpenAmount == 0m ? SalesInvoiceStatus.Received : ReceivedAmount > 0m ? SalesInvoiceStatus.PartiallyReceived : SalesInvoiceStatus.Open;
        _timeline.Add(new SalesInvoiceEvent(Id, Status, actor, $"{returnNumber}: −{applied:0.00} {CurrencyCode}"));
        return applied;
    }

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public SalesReceipt RecordReceipt(decimal amount, DateOnly receivedOn, ReceiptMethod method, string? reference, SalesActor actor)
    {
        if (amount <= 0m || decimal.Round(amount, SalesConsts.AmountScale) != amount) throw BusinessException.ForField("Amount", SalesErrorCodes.ReceiptAmountInvalid);
        if (amount > OpenAmount) throw BusinessException.ForField("Amount", SalesErrorCodes.ReceiptExceedsOpen, OpenAmount);
        if (!Enum.IsDefined(method)) throw BusinessException.ForField("Method", ErrorCodes.ValueNotAllowed, method);
        var trimmed = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (trimmed is { Length: > SalesConsts.MaxReferenceLength }) throw BusinessException.ForField("Reference", SalesErrorCodes.ReferenceTooLong, SalesConsts.MaxReferenceLength);
        var receipt = new SalesReceipt(Id, amount, receivedOn, method, trimmed, actor);
        _receipts.Add(receipt);
        ReceivedAmount += amount;
        var status = OpenAmount == 0m ? SalesInvoiceStatus.Received : SalesInvoiceStatus.PartiallyReceived;
        Status = status;
        _timeline.Add(new SalesInvoiceEvent(Id, status, actor, $"{amount:0.00} {CurrencyCode}"));
        return receipt;
    }
}

public sealed class SalesInvoiceLine : Entity, IMultiTenant
{
    private SalesInvoiceLine() { }

    internal SalesInvoiceLine(Guid invoiceId, int lineNumber, int orderLineNumber, Guid productId, decimal quantity, decimal net, decimal tax)
    {
        InvoiceId = invoiceId;
        LineNumber = lineNumber;
        OrderLineNumber = orderLineNumber;
        ProductId = productId;
        Quantity = quantity;
        NetAmount = net;
        TaxAmount = tax;
    }

    public Guid? TenantId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public int LineNumber { get; private set; }
    public int OrderLineNumber { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>Base units billed.</summary>
    public decimal Quantity { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
}

/// <summary>Money received against an invoice (收款): how much, when, how, and the bank's or cashier's reference.</summary>
public sealed class SalesReceipt : Entity, IMultiTenant
{
    private SalesReceipt() { }

    internal SalesReceipt(Guid invoiceId, decimal amount, DateOnly receivedOn, ReceiptMethod method, string? reference, SalesActor actor)
    {
        InvoiceId = invoiceId;
        Amount = amount;
        ReceivedOn = receivedOn;
        Method = method;
        Reference = reference;
        RecordedAt = actor.At;
        UserName = actor.UserName;
    }

    public Guid? TenantId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public ReceiptMethod Method { get; private set; }
    public string? Reference { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? UserName { get; private set; }
}
