using System.Text.Json.Serialization;

namespace ErpSaaS.Sales;

public static class SalesConsts
{
    public const int MaxNumberLength = 64;
    public const int MaxCommentLength = 500;
    public const int MaxReferenceLength = 128;
    public const int MaxLines = 200;
    public const int QuantityScale = 4;
    public const int UnitPriceScale = 6;
    public const int AmountScale = 2;
    public const int TaxRateScale = 4;

    /// <summary>An order's rate to the company's base currency is kept like the exchange rates it comes from.</summary>
    public const int ExchangeRatePrecision = 20;
    public const int ExchangeRateScale = 10;

    /// <summary>
    /// Timeline entries that are not a status of the order: confirmed with part of its quantity back-ordered, and a
    /// back order reserved later (by the salesperson's button or when stock arrived).
    /// </summary>
    public const string BackOrderedEvent = "BackOrdered";
    public const string BackOrderReservedEvent = "BackOrderReserved";

    /// <summary>The stock ledger and reservation source type of sales documents.</summary>
    public const string OrderSource = "SalesOrder";
    public const string DeliverySource = "SalesDelivery";
    public const string ReturnSource = "SalesReturn";
}

/// <summary>
/// Where a sales order stands. Draft → (pending approval → approved) → confirmed (stock reserved) → partially
/// delivered → delivered → completed (fully delivered and invoiced); cancelled from anything not yet delivered.
/// The fulfilment statuses follow from the delivered and invoiced quantities, never set by hand.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesOrderStatus>))]
public enum SalesOrderStatus
{
    Draft = 0,
    PendingApproval = 1,
    Approved = 2,
    Confirmed = 3,
    PartiallyDelivered = 4,
    Delivered = 5,
    Completed = 6,
    Cancelled = 7,
}

/// <summary>Whether one reason for approval (discount, credit) applies to an order, waits for approvers or was granted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesApprovalState>))]
public enum SalesApprovalState
{
    NotNeeded = 0,
    Pending = 1,
    Approved = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<SalesDeliveryStatus>))]
public enum SalesDeliveryStatus
{
    Draft = 0,
    Posted = 1,
    Cancelled = 2,
}

/// <summary>A return is posted when it is recorded: the goods are back and the ledger, order, delivery and invoice know it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesReturnStatus>))]
public enum SalesReturnStatus
{
    Posted = 1,
}

/// <summary>Where returned goods go: back to the warehouse they left, or to a quarantine warehouse for inspection.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesReturnDestination>))]
public enum SalesReturnDestination
{
    OriginalWarehouse = 0,
    Quarantine = 1,
}

/// <summary>What to do when an order cannot be confirmed because stock is short for its promised date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShortageAction>))]
public enum ShortageAction
{
    None = 0,
    Suggestion = 1,
    Automatic = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<SalesInvoiceStatus>))]
public enum SalesInvoiceStatus
{
    Open = 0,
    PartiallyReceived = 1,
    Received = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReceiptMethod>))]
public enum ReceiptMethod
{
    BankTransfer = 0,
    Cash = 1,
    Other = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<SalesQuotationStatus>))]
public enum SalesQuotationStatus
{
    Open = 0,
    Converted = 1,
    Cancelled = 2,
}
