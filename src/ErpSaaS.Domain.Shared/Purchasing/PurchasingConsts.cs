using System.Text.Json.Serialization;

namespace ErpSaaS.Purchasing;

/// <summary>
/// Where a purchase order stands. Draft → pending approval → approved → sent; from approval on, receipts move it to
/// partially received, to invoice (everything received) and completed (everything invoiced). Closed short-closes
/// what was not received; cancelled withdraws an order nothing was received against. Only drafts change.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchaseOrderStatus>))]
public enum PurchaseOrderStatus
{
    Draft = 0,
    PendingApproval = 1,
    Approved = 2,
    Sent = 3,
    PartiallyReceived = 4,
    ToInvoice = 5,
    Completed = 6,
    Closed = 7,
    Cancelled = 8,
}

/// <summary>
/// Where a purchase requisition (采购申请) stands: draft → pending approval → approved → converted into purchase orders
/// (ordered); a rejected one is a draft again. Cancelled ones are final.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchaseRequisitionStatus>))]
public enum PurchaseRequisitionStatus
{
    Draft = 0,
    PendingApproval = 1,
    Approved = 2,
    Ordered = 3,
    Cancelled = 4,
}

/// <summary>A goods receipt is a draft until posted to the stock ledger; posted and cancelled receipts are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoodsReceiptStatus>))]
public enum GoodsReceiptStatus
{
    Draft = 0,
    Posted = 1,
    Cancelled = 2,
}

/// <summary>What happens to goods that failed inspection: kept in a quarantine warehouse, or handed back to the supplier.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RejectedGoodsDisposition>))]
public enum RejectedGoodsDisposition
{
    Quarantine = 0,
    ReturnToSupplier = 1,
}

/// <summary>
/// Where a purchase invoice (采购发票) stands. Draft → submitted: a three-way match within tolerance approves it at once;
/// a price outside the tolerance holds it (pending approval), and a rejection makes it a draft again. Approved
/// invoices are payable until paid in full. Cancelled drafts are final.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchaseInvoiceStatus>))]
public enum PurchaseInvoiceStatus
{
    Draft = 0,
    PendingApproval = 1,
    Approved = 2,
    Paid = 3,
    Cancelled = 4,
}

/// <summary>
/// Where a payment to a supplier stands. Only an approved payment counts as paid; one the company's payment approval
/// flow holds waits as pending approval, and a rejected one can be corrected and submitted again, or deleted.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchasePaymentStatus>))]
public enum PurchasePaymentStatus
{
    Approved = 0,
    PendingApproval = 1,
    Rejected = 2,
}

/// <summary>How a supplier was paid.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentMethod>))]
public enum PaymentMethod
{
    BankTransfer = 0,
    Cash = 1,
    Cheque = 2,
    AcceptanceBill = 3,
    Other = 4,
}

public static class PurchasingConsts
{
    public const int MaxNumberLength = 64;

    /// <summary>A payment's number is its invoice's with "/n" after it.</summary>
    public const int MaxPaymentNumberLength = MaxNumberLength + 8;
    public const int MaxCommentLength = 500;
    public const int MaxReasonLength = 500;
    public const int MaxLines = 500;

    /// <summary>Quantities keep 4 decimals, unit prices 6, amounts 2 (cents), tax rates 4 (0.1300 = 13 %).</summary>
    public const int QuantityScale = 4;
    public const int UnitPriceScale = 6;
    public const int AmountScale = 2;
    public const int RateScale = 4;

    /// <summary>The source type of ledger entries and on-order supplies written by purchasing.</summary>
    public const string PurchaseOrderSource = "PurchaseOrder";
    public const string GoodsReceiptSource = "GoodsReceipt";
    public const string PurchaseReturnSource = "PurchaseReturn";

    public const int MaxReferenceLength = 64;

    /// <summary>Price stability looks at the unit prices of this many days up to the end of the period.</summary>
    public const int PriceStabilityDays = 90;
}
