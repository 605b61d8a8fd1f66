using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Sales;

/// <summary>
/// A quotation (报价单): prices offered to a customer until a date. While open it changes freely; converting it (before
/// it expires) makes a draft order with the same lines and prices, once.
/// </summary>
public sealed class SalesQuotation : AggregateRoot, IMultiTenant
{
    private readonly List<SalesQuotationLine> _lines = [];
    private readonly List<SalesQuotationEvent> _timeline = [];

    private SalesQuotation() { }

    internal SalesQuotation(string number, Guid requestId, Customer customer, Guid warehouseId, DateOnly validUntil, string? comment, SalesActor actor)
    {
        if (validUntil < actor.Today) throw BusinessException.ForField(nameof(ValidUntil), SalesErrorCodes.ValidUntilInPast);
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        CustomerId = customer.Id;
        CurrencyCode = customer.CurrencyCode;
        WarehouseId = warehouseId;
        QuotationDate = actor.Today;
        ValidUntil = validUntil;
        Comment = SalesRules.Comment(comment);
        Status = SalesQuotationStatus.Open;
        CreatedAt = actor.At;
        _timeline.Add(new SalesQuotationEvent(Id, SalesQuotationStatus.Open, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public SalesQuotationStatus Status { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;
    public DateOnly QuotationDate { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public string? Comment { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public Guid? OrderId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Revision { get; private set; }

    public IReadOnlyList<SalesQuotationLine> Lines => _lines;
    public IReadOnlyList<SalesQuotationEvent> Timeline => _timeline;

    public bool IsExpiredOn(DateOnly today) => today > ValidUntil;

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public void ReplaceLines(IReadOnlyList<SalesLineDetails> lines, SalesActor actor)
    {
        if (Status != SalesQuotationStatus.Open) throw new BusinessException(SalesErrorCodes.NotEditable, Number);
        SalesRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new SalesQuotationLine(Id, index, SalesLineTerms.Of(line, index, QuotationDate))).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        NetAmount = _lines.Sum(l => l.NetAmount);
        TaxAmount = _lines.Sum(l => l.TaxAmount);
        TotalAmount = NetAmount + TaxAmount;
        Revision++;
    }

    /// <summary>The order made from this quotation; an expired or already converted quotation cannot be converted.</summary>
    public void MarkConverted(SalesOrder order, SalesActor actor)
    {
        if (Status != SalesQuotationStatus.Open) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        if (IsExpiredOn(actor.Today)) throw new BusinessException(SalesErrorCodes.QuotationExpired, Number, ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        OrderId = order.Id;
        Status = SalesQuotationStatus.Converted;
        _timeline.Add(new SalesQuotationEvent(Id, Status, actor, order.Number));
        Revision++;
    }

    public void Cancel(SalesActor actor, string? reason)
    {
        if (Status != SalesQuotationStatus.Open) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        Status = SalesQuotationStatus.Cancelled;
        _timeline.Add(new SalesQuotationEvent(Id, Status, actor, SalesRules.Comment(reason)));
        Revision++;
    }
}

public sealed class SalesQuotationLine : Entity, IMultiTenant
{
    private SalesQuotationLine() { }

    internal SalesQuotationLine(Guid quotationId, int index, SalesLineTerms terms)
    {
        QuotationId = quotationId;
        LineNumber = index + 1;
        ProductId = terms.ProductId;
        Quantity = terms.Quantity;
        Unit = terms.Unit;
        BaseQuantity = terms.BaseQuantity;
        UnitPrice = terms.UnitPrice;
        DiscountPercent = terms.DiscountPercent;
        TaxRate = terms.TaxRate;
        NetAmount = terms.NetAmount;
        TaxAmount = terms.TaxAmount;
    }

    public Guid? TenantId { get; private set; }
    public Guid QuotationId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
}

public sealed class SalesQuotationEvent : SalesEvent
{
    private SalesQuotationEvent() { }
    internal SalesQuotationEvent(Guid documentId, SalesQuotationStatus status, SalesActor actor, string? comment) : base(documentId, status.ToString(), actor, comment) { }
}
