namespace ErpSaaS.Errors;

/// <summary>Business errors of purchasing: orders and goods receipts ("Error:{code}" texts in Purchasing.json).</summary>
public static class PurchasingErrorCodes
{
    public const string NotEditable = "Purchasing:NotEditable";
    public const string StatusChangeNotAllowed = "Purchasing:StatusChangeNotAllowed";
    public const string LinesRequired = "Purchasing:LinesRequired";
    public const string TooManyLines = "Purchasing:TooManyLines";
    public const string CommentTooLong = "Purchasing:CommentTooLong";
    public const string ReasonRequired = "Purchasing:ReasonRequired";
    public const string ReasonTooLong = "Purchasing:ReasonTooLong";
    public const string SupplierRequired = "Purchasing:SupplierRequired";
    public const string SupplierUnknown = "Purchasing:SupplierUnknown";
    public const string WarehouseRequired = "Purchasing:WarehouseRequired";
    public const string WarehouseUnknown = "Purchasing:WarehouseUnknown";
    public const string ProductRequired = "Purchasing:ProductRequired";
    public const string ProductUnknown = "Purchasing:ProductUnknown";
    public const string QuantityRequired = "Purchasing:QuantityRequired";
    public const string QuantityMustBePositive = "Purchasing:QuantityMustBePositive";
    public const string QuantityMustNotBeNegative = "Purchasing:QuantityMustNotBeNegative";
    public const string UnitPriceInvalid = "Purchasing:UnitPriceInvalid";
    public const string TaxRateUnknown = "Purchasing:TaxRateUnknown";
    public const string ExpectedDateBeforeOrder = "Purchasing:ExpectedDateBeforeOrder";
    public const string ConfirmedDateRequired = "Purchasing:ConfirmedDateRequired";
    public const string OrderRequired = "Purchasing:OrderRequired";
    public const string ConfirmedDateBeforeOrder = "Purchasing:ConfirmedDateBeforeOrder";
    public const string OrderLineUnknown = "Purchasing:OrderLineUnknown";
    public const string CancelAfterReceipt = "Purchasing:CancelAfterReceipt";
    public const string AmendNotAllowed = "Purchasing:AmendNotAllowed";
    public const string OrderNotReceivable = "Purchasing:OrderNotReceivable";
    public const string OverReceipt = "Purchasing:OverReceipt";
    public const string RejectReasonRequired = "Purchasing:RejectReasonRequired";
    public const string QuarantineWarehouseRequired = "Purchasing:QuarantineWarehouseRequired";
    public const string QuarantineWarehouseInvalid = "Purchasing:QuarantineWarehouseInvalid";
    public const string NothingReceived = "Purchasing:NothingReceived";
    public const string NeededByInPast = "Purchasing:NeededByInPast";
    public const string NoSuggestionsChosen = "Purchasing:NoSuggestionsChosen";
    public const string BarcodeUnknown = "Purchasing:BarcodeUnknown";
    public const string BarcodeNotOnOrder = "Purchasing:BarcodeNotOnOrder";
    public const string NothingToInvoice = "Purchasing:NothingToInvoice";
    public const string OverInvoiced = "Purchasing:OverInvoiced";
    public const string InvoiceDateRequired = "Purchasing:InvoiceDateRequired";
    public const string InvoiceNotPayable = "Purchasing:InvoiceNotPayable";
    public const string PaymentAmountInvalid = "Purchasing:PaymentAmountInvalid";
    public const string PaymentExceedsOpen = "Purchasing:PaymentExceedsOpen";
    public const string PaymentDateRequired = "Purchasing:PaymentDateRequired";
    public const string PaymentUnknown = "Purchasing:PaymentUnknown";
    public const string PaymentNotRejected = "Purchasing:PaymentNotRejected";
    public const string PaymentNotPending = "Purchasing:PaymentNotPending";
    public const string ReferenceTooLong = "Purchasing:ReferenceTooLong";
    public const string ReceiptNotPosted = "Purchasing:ReceiptNotPosted";
    public const string ReceiptLineUnknown = "Purchasing:ReceiptLineUnknown";
    public const string OverReturn = "Purchasing:OverReturn";
    public const string NothingReturned = "Purchasing:NothingReturned";
}
