using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Sales;

/// <summary>
/// A customer's order (销售订单). A draft changes freely; confirming it reserves its stock (through the application
/// service), possibly after discount or credit approval; from then on it is immutable (changes go through cancel) and
/// its status follows from what was delivered and invoiced. Every change counts up <see cref="Revision"/>, so the
/// header row's version moves with any change and a stale edit is refused.
/// </summary>
public sealed class SalesOrder : AggregateRoot, IMultiTenant
{
    private readonly List<SalesOrderLine> _lines = [];
    private readonly List<SalesOrderEvent> _timeline = [];

    private SalesOrder() { }

    internal SalesOrder(string number, Guid requestId, Customer customer, Guid warehouseId, DateOnly orderDate, string? comment, SalesActor actor)
    {
        Number = number;
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        CustomerId = customer.Id;
        CurrencyCode = customer.CurrencyCode;
        WarehouseId = warehouseId;
        OrderDate = orderDate;
        Comment = SalesRules.Comment(comment);
        Status = SalesOrderStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new SalesOrderEvent(Id, SalesOrderStatus.Draft, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = null!;
    public SalesOrderStatus Status { get; private set; }

    /// <summary>The create form's one-time token: the same token twice finds the order the first submit made.</summary>
    public Guid RequestId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;

    /// <summary>
    /// Units of the company's base currency one unit of <see cref="CurrencyCode"/> was worth when the order was put to
    /// confirmation (1 for the base currency); null while a draft. Approval amounts and the credit check use it.
    /// </summary>
    public decimal? ExchangeRate { get; private set; }
    public DateOnly OrderDate { get; private set; }
    public string? Comment { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }

    /// <summary>What the invoices of this order add up to (with tax): the rest still counts against the customer's credit.</summary>
    public decimal InvoicedAmount { get; private set; }
    public SalesApprovalState DiscountApproval { get; private set; }
    public SalesApprovalState CreditApproval { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The confirmed (or approved) order this draft replaces (变更): that one was cancelled when this copy was made.</summary>
    public Guid? AmendsOrderId { get; private set; }

    public IReadOnlyList<SalesOrderLine> Lines => _lines;
    public IReadOnlyList<SalesOrderEvent> Timeline => _timeline;

    public bool IsDraft => Status == SalesOrderStatus.Draft;

    /// <summary>The total in the company's base currency at the order's rate (rounded to the cent); null until the rate is fixed.</summary>
    public decimal? BaseTotalAmount => ExchangeRate is { } rate ? SalesRules.Money(TotalAmount * rate) : null;

    /// <summary>Base units over all lines that wait for stock: confirmed with a back order and not reserved yet.</summary>
    public decimal BackOrderedQuantity => IsOpen ? _lines.Sum(l => l.BackOrderedQuantity) : 0m;

    /// <summary>Open, with part of some line still waiting for stock.</summary>
    public bool IsBackOrdered => BackOrderedQuantity > 0m;

    /// <summary>Confirmed and not finished: stock is reserved for what is still to deliver.</summary>
    public bool IsOpen => Status is SalesOrderStatus.Confirmed or SalesOrderStatus.PartiallyDelivered;

    public decimal MaxDiscountPercent => _lines.Count == 0 ? 0m : _lines.Max(l => l.DiscountPercent);

    public void CheckVersion(uint expected)
    {
        if (expected == Version) return;
        throw IsDraft ? new BusinessException(ErrorCodes.ConcurrencyConflict) : new BusinessException(SalesErrorCodes.NotEditable, Number);
    }

    public void ChangeHeader(Guid warehouseId, string? comment, SalesActor actor)
    {
        EnsureDraft();
        WarehouseId = warehouseId;
        Comment = SalesRules.Comment(comment);
        Touch(actor);
    }

    public void ReplaceLines(IReadOnlyList<SalesLineDetails> lines, SalesActor actor)
    {
        EnsureDraft();
        SalesRules.CheckLineCount(lines.Count);
        var built = lines.Select((line, index) => new SalesOrderLine(Id, index, line, OrderDate)).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        NetAmount = _lines.Sum(l => l.NetAmount);
        TaxAmount = _lines.Sum(l => l.TaxAmount);
        TotalAmount = NetAmount + TaxAmount;
        Touch(actor);
    }

    /// <summary>Puts the order up for approval for the reasons given; until every reason is approved nothing can change it.</summary>
    public void SubmitForApproval(bool discount, bool credit, SalesActor actor)
    {
        EnsureDraft();
        EnsureLines();
        if (!discount && !credit) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        DiscountApproval = discount ? SalesApprovalState.Pending : SalesApprovalState.NotNeeded;
        CreditApproval = credit ? SalesApprovalState.Pending : SalesApprovalState.NotNeeded;
        MoveTo(SalesOrderStatus.PendingApproval, actor);
    }

    /// <summary>An approver granted one reason; when none is left pending, the order is approved (and then confirmed by the caller).</summary>
    public void GrantApproval(SalesApprovalReason reason, SalesActor actor, string? comment)
    {
        if (Status != SalesOrderStatus.PendingApproval || State(reason) != SalesApprovalState.Pending)
        {
            throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        }
        if (reason == SalesApprovalReason.Discount) DiscountApproval = SalesApprovalState.Approved;
        else CreditApproval = SalesApprovalState.Approved;
        if (DiscountApproval != SalesApprovalState.Pending && CreditApproval != SalesApprovalState.Pending) MoveTo(SalesOrderStatus.Approved, actor, comment);
        else Touch(actor);
    }

    /// <summary>A rejection sends the order back to draft with the reason on the timeline; resubmitting starts over.</summary>
    public void RejectApproval(SalesActor actor, string? reason)
    {
        if (Status != SalesOrderStatus.PendingApproval) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        DiscountApproval = SalesApprovalState.NotNeeded;
        CreditApproval = SalesApprovalState.NotNeeded;
        MoveTo(SalesOrderStatus.Draft, actor, reason);
    }

    /// <summary>
    /// Fixes the rate to the company's base currency as the draft goes to confirmation (the approval amounts and the
    /// credit check are taken at it); a draft sent back by an approver gets the rate of its next confirmation.
    /// </summary>
    public void FixExchangeRate(decimal rate)
    {
        EnsureDraft();
        if (rate <= 0m) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        ExchangeRate = rate;
    }

    /// <summary>Approved while pending, or a draft needing no approval: the caller has reserved the stock.</summary>
    public void Confirm(SalesActor actor)
    {
        if (Status is not (SalesOrderStatus.Draft or SalesOrderStatus.Approved)) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        EnsureLines();
        ConfirmedAt = actor.At;
        MoveTo(SalesOrderStatus.Confirmed, actor);
    }

    /// <summary>
    /// Confirms with a back order: the caller has reserved what was available of each line (<paramref name="reserved"/>,
    /// base units by line number); the rest of each line is back-ordered, waits for stock and is reserved later. The
    /// timeline says what was back-ordered.
    /// </summary>
    public void ConfirmWithBackOrder(IReadOnlyDictionary<int, decimal> reserved, SalesActor actor)
    {
        if (Status is not (SalesOrderStatus.Draft or SalesOrderStatus.Approved)) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        EnsureLines();
        foreach (var line in _lines) line.BackOrderRest(reserved.GetValueOrDefault(line.LineNumber));
        ConfirmedAt = actor.At;
        MoveTo(SalesOrderStatus.Confirmed, actor);
        var backOrdered = _lines.Where(l => l.BackOrderedQuantity > 0m).ToList();
        if (backOrdered.Count > 0)
        {
            _timeline.Add(new SalesOrderEvent(Id, SalesConsts.BackOrderedEvent, actor, string.Join("; ", backOrdered.Select(l => $"#{l.LineNumber}: {SalesRules.Plain(l.BackOrderedQuantity)}"))));
        }
    }

    /// <summary>
    /// Stock was reserved for back-ordered lines (base units by line number, each at most what the line waits for);
    /// <paramref name="source"/> names what brought the stock (a goods receipt's number), if anything did.
    /// </summary>
    public void RecordBackOrderReserved(IReadOnlyList<(int LineNumber, decimal Quantity)> reserved, string? source, SalesActor actor)
    {
        if (!IsOpen) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        var taken = reserved.Where(r => r.Quantity > 0m).ToList();
        if (taken.Count == 0) return;
        foreach (var (lineNumber, quantity) in taken) Line(lineNumber).ReserveBackOrder(quantity, Number);
        var note = string.Join("; ", taken.Select(r => $"#{r.LineNumber}: {SalesRules.Plain(r.Quantity)}"));
        _timeline.Add(new SalesOrderEvent(Id, SalesConsts.BackOrderReservedEvent, actor, source is null ? note : $"{note} ({source})"));
        Touch(actor);
    }

    /// <summary>An approved order whose stock was short when the approval came: it stays approved and says why on its timeline.</summary>
    public void NoteShortage(string message, SalesActor actor)
    {
        if (Status != SalesOrderStatus.Approved) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        _timeline.Add(new SalesOrderEvent(Id, Status, actor, message));
        Touch(actor);
    }

    /// <summary>Withdraws an order nothing of which was delivered yet; the caller releases its reservations.</summary>
    public void Cancel(SalesActor actor, string? reason)
    {
        if (Status is SalesOrderStatus.Cancelled or SalesOrderStatus.Delivered or SalesOrderStatus.Completed)
        {
            throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, Number);
        }
        if (_lines.Any(l => l.DeliveredQuantity > 0m)) throw new BusinessException(SalesErrorCodes.CancelAfterDelivery, Number);
        foreach (var line in _lines) line.ClearBackOrder();
        MoveTo(SalesOrderStatus.Cancelled, actor, SalesRules.Comment(reason));
    }

    /// <summary>
    /// A confirmed order is never edited. To change one nothing has been delivered or invoiced against yet, it is
    /// amended: this order is cancelled with the reason (the caller releases its reservations) and
    /// <paramref name="replacement"/>, a draft copy for the same customer, takes its place and goes through confirmation
    /// again. Each timeline names the other order.
    /// </summary>
    public void AmendInto(SalesOrder replacement, string? reason, SalesActor actor)
    {
        var why = AmendReason(reason);
        EnsureAmendable();
        if (!replacement.IsDraft || replacement.CustomerId != CustomerId || replacement.Id == Id)
        {
            throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, replacement.Number);
        }
        replacement.AmendsOrderId = Id;
        replacement._timeline.Add(new SalesOrderEvent(replacement.Id, replacement.Status, actor, $"{Number} → {replacement.Number}: {why}"));
        foreach (var line in _lines) line.ClearBackOrder();
        MoveTo(SalesOrderStatus.Cancelled, actor, $"{Number} → {replacement.Number}: {why}");
    }

    /// <summary>Approved or confirmed, and nothing delivered or invoiced yet: the only orders an amendment may replace.</summary>
    public void EnsureAmendable()
    {
        if (!IsAmendable) throw new BusinessException(SalesErrorCodes.AmendNotAllowed, Number);
    }

    public bool IsAmendable =>
        Status is SalesOrderStatus.Approved or SalesOrderStatus.Confirmed && _lines.All(l => l.DeliveredQuantity == 0m && l.InvoicedQuantity == 0m) && InvoicedAmount == 0m;

    /// <summary>An amendment says why: the reason is required (and no longer than a comment).</summary>
    public static string AmendReason(string? reason) =>
        SalesRules.Comment(reason, "Reason") ?? throw BusinessException.ForField("Reason", SalesErrorCodes.AmendReasonRequired);

    public SalesOrderLine Line(int lineNumber) =>
        _lines.SingleOrDefault(l => l.LineNumber == lineNumber) ?? throw new BusinessException(SalesErrorCodes.DeliveryExceedsOrder, Number, lineNumber);

    /// <summary>A posted delivery shipped <paramref name="baseQuantity"/> of a line (never more than is still open).</summary>
    public void RecordDelivered(int lineNumber, decimal baseQuantity, SalesActor actor)
    {
        if (!IsOpen) throw new BusinessException(SalesErrorCodes.OrderNotDeliverable, Number);
        Line(lineNumber).AddDelivered(baseQuantity, Number);
        RefreshFulfilment(actor);
    }

    /// <summary>
    /// Goods came back on a line: they count as not delivered, so the line is open again for a new delivery. Nothing is
    /// reserved for them yet: they are back-ordered until the caller reserves them.
    /// </summary>
    public void RecordReturned(int lineNumber, decimal baseQuantity, SalesActor actor)
    {
        Line(lineNumber).AddReturned(baseQuantity);
        RefreshFulfilment(actor);
    }

    /// <summary>An invoice billed <paramref name="baseQuantity"/> of a line; returns the net and tax billed for it.</summary>
    public (decimal Net, decimal Tax) RecordInvoiced(int lineNumber, decimal baseQuantity, SalesActor actor)
    {
        var amounts = Line(lineNumber).AddInvoiced(baseQuantity, Number);
        InvoicedAmount += amounts.Net + amounts.Tax;
        RefreshFulfilment(actor);
        return amounts;
    }

    /// <summary>What the customer still owes on account of this order once it is invoiced: total − invoiced (0 unless it commits the customer).</summary>
    public decimal UninvoicedCommitment =>
        Status is SalesOrderStatus.Approved or SalesOrderStatus.Confirmed or SalesOrderStatus.PartiallyDelivered or SalesOrderStatus.Delivered
            ? Math.Max(0m, TotalAmount - InvoicedAmount) : 0m;

    private void RefreshFulfilment(SalesActor actor)
    {
        var status = _lines.All(l => l.OpenQuantity == 0m)
            ? (_lines.All(l => l.ToInvoiceQuantity == 0m && l.InvoicedQuantity >= l.BaseQuantity) ? SalesOrderStatus.Completed : SalesOrderStatus.Delivered)
            : _lines.Any(l => l.DeliveredQuantity > 0m) ? SalesOrderStatus.PartiallyDelivered : SalesOrderStatus.Confirmed;
        if (status != Status) MoveTo(status, actor);
        else Touch(actor);
    }

    private SalesApprovalState State(SalesApprovalReason reason) => reason == SalesApprovalReason.Discount ? DiscountApproval : CreditApproval;

    private void EnsureDraft()
    {
        if (!IsDraft) throw new BusinessException(SalesErrorCodes.NotEditable, Number);
    }

    private void EnsureLines()
    {
        if (_lines.Count == 0) throw BusinessException.ForField("Lines", SalesErrorCodes.LinesRequired);
    }

    private void MoveTo(SalesOrderStatus status, SalesActor actor, string? comment = null)
    {
        Status = status;
        _timeline.Add(new SalesOrderEvent(Id, status, actor, comment));
        Touch(actor);
    }

    private void Touch(SalesActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }
}

/// <summary>Why an order waits for approvers: a discount above the company's limit, or an order beyond the customer's credit.</summary>
public enum SalesApprovalReason
{
    Discount = 0,
    Credit = 1,
}

/// <summary>
/// One product on an order: the quantity in any of its units (kept in base units too), the unit price per unit
/// entered, the discount, the product's tax rate and the promised date. Net and tax are rounded to the cent per line.
/// Delivered, returned and invoiced quantities are in base units.
/// </summary>
public sealed class SalesOrderLine : Entity, IMultiTenant
{
    private SalesOrderLine() { }

    internal SalesOrderLine(Guid orderId, int index, SalesLineDetails details, DateOnly orderDate)
    {
        var terms = SalesLineTerms.Of(details, index, orderDate);
        OrderId = orderId;
        LineNumber = index + 1;
        ProductId = terms.ProductId;
        Quantity = terms.Quantity;
        Unit = terms.Unit;
        BaseQuantity = terms.BaseQuantity;
        UnitPrice = terms.UnitPrice;
        DiscountPercent = terms.DiscountPercent;
        TaxRate = terms.TaxRate;
        PromisedDate = terms.PromisedDate;
        NetAmount = terms.NetAmount;
        TaxAmount = terms.TaxAmount;
    }

    public Guid? TenantId { get; private set; }
    public Guid OrderId { get; private set; }
    public int LineNumber { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = null!;
    public decimal BaseQuantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }

    /// <summary>The product's VAT rate when the line was written (a fraction: 0.13 = 13 %).</summary>
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public DateOnly PromisedDate { get; private set; }
    public decimal DeliveredQuantity { get; private set; }
    public decimal ReturnedQuantity { get; private set; }
    public decimal InvoicedQuantity { get; private set; }
    public decimal InvoicedNet { get; private set; }
    public decimal InvoicedTax { get; private set; }

    /// <summary>
    /// Base units of the open quantity that wait for stock: what was short when the order was confirmed with a back
    /// order (or came back on a return), not reserved yet. Delivered only after it is reserved.
    /// </summary>
    public decimal BackOrderedQuantity { get; private set; }

    /// <summary>Still to deliver, in base units: reserved, or back-ordered.</summary>
    public decimal OpenQuantity => BaseQuantity - (DeliveredQuantity - ReturnedQuantity);

    /// <summary>What the line's reservation holds once the order is confirmed: the open quantity less the back order. Deliveries ship at most this.</summary>
    public decimal ReservedQuantity => OpenQuantity - BackOrderedQuantity;

    /// <summary>Delivered (and kept) but not invoiced yet, in base units.</summary>
    public decimal ToInvoiceQuantity => Math.Max(0m, DeliveredQuantity - ReturnedQuantity - InvoicedQuantity);

    internal void AddDelivered(decimal baseQuantity, string orderNumber)
    {
        if (baseQuantity <= 0m || baseQuantity > OpenQuantity)
        {
            throw new BusinessException(SalesErrorCodes.DeliveryExceedsOrder, orderNumber, LineNumber);
        }
        if (baseQuantity > ReservedQuantity)
        {
            throw new BusinessException(SalesErrorCodes.DeliveryExceedsReserved, orderNumber, LineNumber, SalesRules.Plain(ReservedQuantity));
        }
        DeliveredQuantity += baseQuantity;
    }

    /// <summary>Returned goods open the line again; until stock is reserved for them they are back-ordered.</summary>
    internal void AddReturned(decimal baseQuantity)
    {
        ReturnedQuantity += baseQuantity;
        BackOrderedQuantity += baseQuantity;
    }

    /// <summary>At confirmation with a back order: <paramref name="reserved"/> of the line is reserved, the rest waits for stock.</summary>
    internal void BackOrderRest(decimal reserved) => BackOrderedQuantity = Math.Max(0m, OpenQuantity - Math.Max(0m, reserved));

    internal void ReserveBackOrder(decimal quantity, string orderNumber)
    {
        if (quantity <= 0m || quantity > BackOrderedQuantity) throw new BusinessException(SalesErrorCodes.NothingBackOrdered, orderNumber);
        BackOrderedQuantity -= quantity;
    }

    /// <summary>The order is withdrawn: nothing waits for stock any more.</summary>
    internal void ClearBackOrder() => BackOrderedQuantity = 0m;

    /// <summary>
    /// The share of the line's net billed now; the last part bills exactly what is left, so a line invoiced in pieces
    /// adds up to its own net and tax to the cent.
    /// </summary>
    internal (decimal Net, decimal Tax) AddInvoiced(decimal baseQuantity, string orderNumber)
    {
        if (baseQuantity <= 0m || baseQuantity > ToInvoiceQuantity) throw new BusinessException(SalesErrorCodes.NothingToInvoice, orderNumber);
        InvoicedQuantity += baseQuantity;
        var isLast = InvoicedQuantity >= BaseQuantity;
        var net = isLast ? NetAmount - InvoicedNet : SalesRules.Money(NetAmount * baseQuantity / BaseQuantity);
        var tax = isLast ? TaxAmount - InvoicedTax : SalesRules.Money(net * TaxRate);
        InvoicedNet += net;
        InvoicedTax += tax;
        return (net, tax);
    }
}

/// <summary>
/// What a quoted or ordered line says once checked: the quantity in a unit of the product (and in base units), the
/// price per unit entered, the discount, the tax rate, the promised date, and net and tax rounded to the cent per line.
/// </summary>
public sealed record SalesLineTerms(
    Guid ProductId, decimal Quantity, string Unit, decimal BaseQuantity, decimal UnitPrice, decimal DiscountPercent, decimal TaxRate, DateOnly PromisedDate,
    decimal NetAmount, decimal TaxAmount)
{
    public static SalesLineTerms Of(SalesLineDetails details, int index, DateOnly documentDate)
    {
        var product = details.Product;
        SalesRules.CheckQuantity(details.Quantity, SalesRules.Field(index, "Quantity"));
        var unit = string.IsNullOrWhiteSpace(details.Unit) ? product.BaseUnit : details.Unit.Trim().ToUpperInvariant();
        if (!product.Units.Contains(unit, StringComparer.Ordinal))
        {
            throw BusinessException.ForField(SalesRules.Field(index, "Unit"), SalesErrorCodes.UnitNotConvertible, product.Code, unit);
        }
        var baseQuantity = product.ToBaseQuantity(details.Quantity, unit);
        if (decimal.Round(baseQuantity, SalesConsts.QuantityScale) != baseQuantity)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.QuantityTooPrecise, SalesConsts.QuantityScale);
        }
        if (details.UnitPrice < 0m || decimal.Round(details.UnitPrice, SalesConsts.UnitPriceScale) != details.UnitPrice || details.UnitPrice >= 1_000_000_000_000m)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "UnitPrice"), SalesErrorCodes.UnitPriceInvalid, SalesConsts.UnitPriceScale);
        }
        if (details.DiscountPercent is < 0m or > 100m || decimal.Round(details.DiscountPercent, 2) != details.DiscountPercent)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "DiscountPercent"), SalesErrorCodes.DiscountInvalid);
        }
        if (details.PromisedDate is { } promised && promised < documentDate)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "PromisedDate"), SalesErrorCodes.PromisedDateBeforeOrder);
        }
        var net = SalesRules.Money(details.Quantity * details.UnitPrice * (100m - details.DiscountPercent) / 100m);
        return new SalesLineTerms(product.Id, details.Quantity, unit, baseQuantity, details.UnitPrice, details.DiscountPercent, details.TaxRate,
            details.PromisedDate ?? documentDate.AddDays(Math.Max(0, product.LeadTimeDays)), net, SalesRules.Money(net * details.TaxRate));
    }
}

public sealed record SalesLineDetails(Product Product, decimal Quantity, string? Unit, decimal UnitPrice, decimal DiscountPercent, decimal TaxRate, DateOnly? PromisedDate);
