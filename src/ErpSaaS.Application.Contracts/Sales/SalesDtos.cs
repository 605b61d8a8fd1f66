using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Sales;

public sealed class SalesOrderLineInput
{
    /// <summary>Product code or barcode.</summary>
    public string? Product { get; set; }
    public decimal? Quantity { get; set; }

    /// <summary>Unit code; empty for the product's base unit.</summary>
    public string? Unit { get; set; }

    /// <summary>Price of one <see cref="Unit"/>; empty for the customer's price list (quantity breaks) or else the product's sale price.</summary>
    public decimal? UnitPrice { get; set; }
    public decimal? DiscountPercent { get; set; }

    /// <summary>Empty: the order date plus the product's lead time.</summary>
    public DateOnly? PromisedDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && Quantity is null && UnitPrice is null && DiscountPercent is null && PromisedDate is null;
}

public class SalesOrderInput
{
    /// <summary>The form's one-time token: submitting the same form twice creates one order.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The version the edit started from (ignored on create).</summary>
    public uint Version { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? WarehouseId { get; set; }

    [MaxLength(SalesConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    public List<SalesOrderLineInput> Lines { get; set; } = [];
}

/// <summary>A status change asked for from the version shown (confirm, cancel, post), with an optional comment or reason.</summary>
public sealed class SalesActionInput
{
    public uint Version { get; set; }

    [MaxLength(SalesConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    /// <summary>
    /// Confirm only: when some line is short, reserve what is available of every line and back-order the rest
    /// (where the company allows back orders) instead of refusing the confirmation.
    /// </summary>
    public bool BackOrder { get; set; }
}

/// <summary>Amending a confirmed order from the version shown: the reason is required.</summary>
public sealed class SalesAmendInput
{
    public uint Version { get; set; }

    [MaxLength(SalesConsts.MaxCommentLength)]
    public string? Reason { get; set; }
}

public sealed class SalesListQuery : PageRequest
{
    /// <summary>Part of the number, or of the customer's code or name.</summary>
    public string? Search { get; set; }

    /// <summary>A status name of the listed document; for orders also <see cref="BackOrderedFilter"/> (open orders with a back order).</summary>
    public string? Status { get; set; }

    /// <summary>Sales returns only: returns with a line of this product (the exceptions list links here).</summary>
    public Guid? ProductId { get; set; }

    /// <summary>Sales returns only: returns of this customer.</summary>
    public Guid? CustomerId { get; set; }

    public const string BackOrderedFilter = "BackOrdered";
}

public sealed record SalesEventDto(string Status, DateTimeOffset At, string? UserName, string? Comment);

/// <param name="BackOrderedQuantity">Base units the open order still waits for stock for (0 when nothing is back-ordered).</param>
public sealed record SalesOrderSummaryDto(
    Guid Id, string Number, SalesOrderStatus Status, string CustomerCode, string CustomerName, DateOnly OrderDate, decimal TotalAmount, string CurrencyCode,
    DateTimeOffset CreatedAt, decimal BackOrderedQuantity = 0m)
{
    public bool IsBackOrdered => BackOrderedQuantity > 0m;
}

public sealed record SalesOrderLineDto(
    int LineNumber, Guid ProductId, string ProductCode, string ProductName, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit, decimal UnitPrice,
    decimal DiscountPercent, decimal TaxRate, decimal NetAmount, decimal TaxAmount, DateOnly PromisedDate, decimal DeliveredQuantity, decimal ReturnedQuantity,
    decimal InvoicedQuantity, decimal OpenQuantity, decimal ReservedQuantity, decimal BackOrderedQuantity = 0m);

/// <summary>Another sales order named by an order (the one it replaces, or replaced it).</summary>
public sealed record SalesOrderRefDto(Guid Id, string Number);

/// <summary>A document of the order's chain (delivery, invoice) as the order page lists it.</summary>
public sealed record SalesLinkDto(Guid Id, string Number, string Status, DateTimeOffset CreatedAt, decimal? Amount);

public sealed record SalesOrderDto(
    Guid Id, string Number, SalesOrderStatus Status, uint Version, Guid CustomerId, string CustomerCode, string CustomerName, Guid WarehouseId, string WarehouseCode,
    DateOnly OrderDate, string CurrencyCode, string? Comment, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal InvoicedAmount, decimal ReceivedAmount,
    SalesApprovalState DiscountApproval, SalesApprovalState CreditApproval, IReadOnlyList<SalesOrderLineDto> Lines, IReadOnlyList<SalesEventDto> Timeline,
    IReadOnlyList<SalesLinkDto> Deliveries, IReadOnlyList<SalesLinkDto> Invoices, decimal? ExchangeRate = null, decimal? BaseTotalAmount = null)
{
    public bool IsDraft => Status == SalesOrderStatus.Draft;
    public bool IsOpen => Status is SalesOrderStatus.Confirmed or SalesOrderStatus.PartiallyDelivered;

    /// <summary>The company's base currency (the approval amounts and the credit check are in it).</summary>
    public string? BaseCurrencyCode { get; init; }

    /// <summary>The order this one replaces, and the draft that replaced this one, when amended.</summary>
    public SalesOrderRefDto? Amends { get; init; }
    public SalesOrderRefDto? AmendedBy { get; init; }

    /// <summary>Approved or confirmed, nothing delivered or invoiced: changed by amending (cancel and a draft copy), never in place.</summary>
    public bool IsAmendable => Status is SalesOrderStatus.Approved or SalesOrderStatus.Confirmed
        && Lines.All(l => l.DeliveredQuantity == 0m && l.InvoicedQuantity == 0m) && InvoicedAmount == 0m;

    /// <summary>Base units the open order still waits for stock for (confirmed with a back order, not reserved yet).</summary>
    public decimal BackOrderedQuantity => IsOpen ? Lines.Sum(l => l.BackOrderedQuantity) : 0m;
    public bool IsBackOrdered => BackOrderedQuantity > 0m;

    /// <summary>Base units still to deliver over all lines.</summary>
    public decimal ToDeliverQuantity => Lines.Sum(l => l.OpenQuantity);

    /// <summary>Delivered, not yet invoiced, in base units.</summary>
    public decimal ToInvoiceQuantity => Lines.Sum(l => Math.Max(0m, l.DeliveredQuantity - l.ReturnedQuantity - l.InvoicedQuantity));

    /// <summary>Invoiced and not yet received (the order's open receivable).</summary>
    public decimal ToReceiveAmount => InvoicedAmount - ReceivedAmount;

    public SalesOrderInput ToInput() => new()
    {
        RequestId = Guid.Empty, Version = Version, CustomerId = CustomerId, WarehouseId = WarehouseId, Comment = Comment,
        Lines = [.. Lines.Select(l => new SalesOrderLineInput
        {
            Product = l.ProductCode, Quantity = l.Quantity, Unit = l.Unit, UnitPrice = l.UnitPrice, DiscountPercent = l.DiscountPercent, PromisedDate = l.PromisedDate,
        })],
    };
}

/// <summary>
/// Available-to-promise for one line: what the warehouse has free now, what can be promised for the promised date
/// (counting open purchase supply due by then), how much is short, and the earliest date open supply would cover it.
/// </summary>
public sealed record SalesLineAvailabilityDto(
    int LineNumber, string ProductCode, decimal Needed, decimal AvailableNow, decimal AvailableOnPromisedDate, decimal ShortQuantity, DateOnly PromisedDate, DateOnly? CoveredOn);

public sealed record SalesPartyDto(Guid Id, string Code, string Name);

public sealed record SalesOptionsDto(IReadOnlyList<SalesPartyDto> Customers, IReadOnlyList<SalesPartyDto> Warehouses);

public sealed class SalesDeliveryLineInput
{
    public int OrderLineNumber { get; set; }

    /// <summary>In the order line's unit; empty or 0 ships nothing of the line.</summary>
    public decimal? Quantity { get; set; }
}

public sealed class SalesDeliveryInput
{
    public Guid RequestId { get; set; }
    public Guid OrderId { get; set; }

    [MaxLength(SalesConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    /// <summary>Empty: everything the order still has open.</summary>
    public List<SalesDeliveryLineInput> Lines { get; set; } = [];
}

public sealed record SalesDeliverySummaryDto(
    Guid Id, string Number, SalesDeliveryStatus Status, string OrderNumber, string CustomerCode, string CustomerName, string WarehouseCode, int LineCount,
    DateTimeOffset CreatedAt, DateTimeOffset? PostedAt);

public sealed record SalesDeliveryLineDto(
    int LineNumber, int OrderLineNumber, Guid ProductId, string ProductCode, string ProductName, string BaseUnit, string? BatchNumber, DateOnly? ExpiryDate,
    decimal Quantity, decimal PickedQuantity, decimal? PostedUnitCost, decimal? PostedValue, decimal ReturnedQuantity, decimal InvoicedQuantity);

public sealed record SalesDeliveryDto(
    Guid Id, string Number, SalesDeliveryStatus Status, uint Version, Guid OrderId, string OrderNumber, string CustomerCode, string CustomerName, string WarehouseCode,
    string? Comment, DateTimeOffset CreatedAt, DateTimeOffset? PostedAt, IReadOnlyList<SalesDeliveryLineDto> Lines, IReadOnlyList<SalesEventDto> Timeline,
    IReadOnlyList<SalesLinkDto> Invoices)
{
    public bool IsDraft => Status == SalesDeliveryStatus.Draft;
    public decimal ToInvoiceQuantity => Lines.Sum(l => Math.Max(0m, l.Quantity - l.ReturnedQuantity - l.InvoicedQuantity));
}

public sealed class SalesScanInput
{
    public uint Version { get; set; }
    public string? Barcode { get; set; }
    public decimal? Quantity { get; set; }
}

public sealed record SalesScanResultDto(int LineNumber, string ProductCode, decimal PickedQuantity, decimal Quantity);

public sealed record SalesInvoiceSummaryDto(
    Guid Id, string Number, SalesInvoiceStatus Status, string OrderNumber, string CustomerCode, string CustomerName, DateOnly InvoiceDate, DateOnly DueDate,
    decimal TotalAmount, decimal OpenAmount, string CurrencyCode);

public sealed record SalesInvoiceLineDto(int LineNumber, int OrderLineNumber, string ProductCode, string ProductName, string BaseUnit, decimal Quantity, decimal NetAmount, decimal TaxAmount);

public sealed record SalesReceiptDto(decimal Amount, DateOnly ReceivedOn, ReceiptMethod Method, string? Reference, DateTimeOffset RecordedAt, string? UserName);

public sealed record SalesInvoiceDto(
    Guid Id, string Number, SalesInvoiceStatus Status, uint Version, Guid OrderId, string OrderNumber, Guid DeliveryId, string DeliveryNumber, string CustomerCode,
    string CustomerName, string CurrencyCode, DateOnly InvoiceDate, DateOnly DueDate, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal ReceivedAmount,
    IReadOnlyList<SalesInvoiceLineDto> Lines, IReadOnlyList<SalesReceiptDto> Receipts, IReadOnlyList<SalesEventDto> Timeline, decimal CreditedAmount = 0m,
    decimal? ExchangeRate = null)
{
    public decimal OpenAmount => TotalAmount - ReceivedAmount - CreditedAmount;

    /// <summary>The company's base currency; the invoice counts in it at its order's <see cref="ExchangeRate"/>.</summary>
    public string? BaseCurrencyCode { get; init; }

    /// <summary>The total in the base currency at the order's rate (rounded to the cent); null when the order has no rate.</summary>
    public decimal? BaseTotalAmount => ExchangeRate is { } rate ? decimal.Round(TotalAmount * rate, SalesConsts.AmountScale, MidpointRounding.AwayFromZero) : null;
}

public sealed class SalesReceiptInput
{
    public uint Version { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public ReceiptMethod Method { get; set; }

    [MaxLength(SalesConsts.MaxReferenceLength)]
    public string? Reference { get; set; }
}

/// <summary>A quotation's form: an order's fields and lines, and the date the prices hold until (empty: 30 days from today).</summary>
public sealed class SalesQuotationInput : SalesOrderInput
{
    public DateOnly? ValidUntil { get; set; }
}

public sealed record SalesQuotationSummaryDto(
    Guid Id, string Number, SalesQuotationStatus Status, string CustomerCode, string CustomerName, DateOnly QuotationDate, DateOnly ValidUntil, decimal TotalAmount,
    string CurrencyCode);

public sealed record SalesQuotationLineDto(
    int LineNumber, string ProductCode, string ProductName, decimal Quantity, string Unit, decimal UnitPrice, decimal DiscountPercent, decimal TaxRate, decimal NetAmount,
    decimal TaxAmount);

public sealed record SalesQuotationDto(
    Guid Id, string Number, SalesQuotationStatus Status, uint Version, string CustomerCode, string CustomerName, string WarehouseCode, DateOnly QuotationDate,
    DateOnly ValidUntil, string CurrencyCode, string? Comment, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, Guid? OrderId,
    IReadOnlyList<SalesQuotationLineDto> Lines, IReadOnlyList<SalesEventDto> Timeline);

public sealed record SalesReturnSummaryDto(
    Guid Id, string Number, SalesReturnStatus Status, string DeliveryNumber, string OrderNumber, string CustomerCode, string CustomerName, string WarehouseCode,
    SalesReturnDestination Destination, string Reason, decimal CreditedAmount, DateTimeOffset CreatedAt);

public sealed record SalesReturnLineDto(
    int LineNumber, int DeliveryLineNumber, string ProductCode, string ProductName, string BaseUnit, string? BatchNumber, decimal Quantity, decimal UnitCost);

public sealed record SalesReturnDto(
    Guid Id, string Number, SalesReturnStatus Status, Guid DeliveryId, string DeliveryNumber, Guid OrderId, string OrderNumber, string CustomerCode, string CustomerName,
    string WarehouseCode, SalesReturnDestination Destination, string Reason, decimal CreditedAmount, string CurrencyCode, DateTimeOffset CreatedAt,
    IReadOnlyList<SalesReturnLineDto> Lines, IReadOnlyList<SalesEventDto> Timeline);

/// <summary>A return's form: the posted delivery, per delivery line the base quantity coming back, the reason and where it goes.</summary>
public sealed class SalesReturnInput
{
    public Guid RequestId { get; set; }
    public Guid DeliveryId { get; set; }
    public SalesReturnDestination Destination { get; set; }

    /// <summary>The quarantine warehouse, when the goods go to quarantine.</summary>
    public Guid? QuarantineWarehouseId { get; set; }

    [MaxLength(SalesConsts.MaxCommentLength)]
    public string? Reason { get; set; }
    public List<SalesReturnLineInput> Lines { get; set; } = [];
}

public sealed class SalesReturnLineInput
{
    public int DeliveryLineNumber { get; set; }
    public decimal? Quantity { get; set; }
}

/// <summary>An unconfirmed order line short for its promised date: what a purchase need would ask for, and the requisition raised already.</summary>
/// <summary>What "reserve back orders" reserved now and what still waits, in base units over all lines.</summary>
public sealed record SalesBackOrderResultDto(decimal Reserved, decimal StillBackOrdered);

public sealed record SalesShortLineDto(int LineNumber, string ProductCode, decimal ShortQuantity, DateOnly PromisedDate, Guid? RequisitionId, string? RequisitionNumber);
