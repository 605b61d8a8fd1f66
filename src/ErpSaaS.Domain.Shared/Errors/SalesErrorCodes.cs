namespace ErpSaaS.Errors;

/// <summary>Business errors of sales: orders, deliveries, invoices and receipts ("Error:{code}" texts in Sales.json).</summary>
public static class SalesErrorCodes
{
    public const string NotEditable = "Sales:NotEditable";
    public const string StatusChangeNotAllowed = "Sales:StatusChangeNotAllowed";
    public const string LinesRequired = "Sales:LinesRequired";
    public const string TooManyLines = "Sales:TooManyLines";
    public const string CommentTooLong = "Sales:CommentTooLong";
    public const string CustomerRequired = "Sales:CustomerRequired";
    public const string CustomerUnknown = "Sales:CustomerUnknown";
    public const string WarehouseRequired = "Sales:WarehouseRequired";
    public const string WarehouseUnknown = "Sales:WarehouseUnknown";
    public const string ProductRequired = "Sales:ProductRequired";
    public const string ProductUnknown = "Sales:ProductUnknown";
    public const string ProductNotStocked = "Sales:ProductNotStocked";
    public const string UnitNotConvertible = "Sales:UnitNotConvertible";
    public const string QuantityRequired = "Sales:QuantityRequired";
    public const string QuantityMustBePositive = "Sales:QuantityMustBePositive";
    public const string QuantityTooPrecise = "Sales:QuantityTooPrecise";
    public const string UnitPriceInvalid = "Sales:UnitPriceInvalid";
    public const string DiscountInvalid = "Sales:DiscountInvalid";
    public const string PromisedDateBeforeOrder = "Sales:PromisedDateBeforeOrder";
    public const string InsufficientStock = "Sales:InsufficientStock";
    public const string InsufficientStockNoSupply = "Sales:InsufficientStockNoSupply";
    public const string CancelAfterDelivery = "Sales:CancelAfterDelivery";
    public const string OrderNotDeliverable = "Sales:OrderNotDeliverable";
    public const string DeliveryExceedsOrder = "Sales:DeliveryExceedsOrder";
    public const string NothingToDeliver = "Sales:NothingToDeliver";
    public const string PickIncomplete = "Sales:PickIncomplete";
    public const string PickTooMuch = "Sales:PickTooMuch";
    public const string BarcodeNotOnDelivery = "Sales:BarcodeNotOnDelivery";
    public const string NothingToInvoice = "Sales:NothingToInvoice";
    public const string DeliveryNotPosted = "Sales:DeliveryNotPosted";
    public const string ReceiptAmountInvalid = "Sales:ReceiptAmountInvalid";
    public const string ReceiptExceedsOpen = "Sales:ReceiptExceedsOpen";
    public const string ReferenceTooLong = "Sales:ReferenceTooLong";
    public const string BatchStockShort = "Sales:BatchStockShort";
    public const string QuotationExpired = "Sales:QuotationExpired";
    public const string ValidUntilInPast = "Sales:ValidUntilInPast";
    public const string ReturnExceedsDelivered = "Sales:ReturnExceedsDelivered";
    public const string NothingToReturn = "Sales:NothingToReturn";
    public const string ReturnReasonRequired = "Sales:ReturnReasonRequired";
    public const string NothingShort = "Sales:NothingShort";
    public const string ReturnWarehouseInvalid = "Sales:ReturnWarehouseInvalid";
    public const string BackOrdersNotAllowed = "Sales:BackOrdersNotAllowed";
    public const string DeliveryExceedsReserved = "Sales:DeliveryExceedsReserved";
    public const string NothingBackOrdered = "Sales:NothingBackOrdered";
    public const string NothingAvailableForBackOrder = "Sales:NothingAvailableForBackOrder";
    public const string ExchangeRateMissing = "Sales:ExchangeRateMissing";
    public const string AmendNotAllowed = "Sales:AmendNotAllowed";
    public const string AmendReasonRequired = "Sales:AmendReasonRequired";
}
