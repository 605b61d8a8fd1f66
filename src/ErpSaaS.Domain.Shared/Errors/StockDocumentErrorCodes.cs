namespace ErpSaaS.Errors;

/// <summary>Business errors of the stock documents: openings, transfers, adjustments and counts ("Error:{code}" texts in StockDocuments.json).</summary>
public static class StockDocumentErrorCodes
{
    public const string NotEditable = "StockDocuments:NotEditable";
    public const string StatusChangeNotAllowed = "StockDocuments:StatusChangeNotAllowed";
    public const string LinesRequired = "StockDocuments:LinesRequired";
    public const string TooManyLines = "StockDocuments:TooManyLines";
    public const string CommentTooLong = "StockDocuments:CommentTooLong";
    public const string ProductRequired = "StockDocuments:ProductRequired";
    public const string ProductUnknown = "StockDocuments:ProductUnknown";
    public const string ProductNotStocked = "StockDocuments:ProductNotStocked";
    public const string WarehouseRequired = "StockDocuments:WarehouseRequired";
    public const string WarehouseUnknown = "StockDocuments:WarehouseUnknown";
    public const string LocationUnknown = "StockDocuments:LocationUnknown";
    public const string UnitNotConvertible = "StockDocuments:UnitNotConvertible";
    public const string QuantityRequired = "StockDocuments:QuantityRequired";
    public const string QuantityMustBePositive = "StockDocuments:QuantityMustBePositive";
    public const string QuantityMustNotBeZero = "StockDocuments:QuantityMustNotBeZero";
    public const string QuantityTooPrecise = "StockDocuments:QuantityTooPrecise";
    public const string UnitCostInvalid = "StockDocuments:UnitCostInvalid";
    public const string BatchRequired = "StockDocuments:BatchRequired";
    public const string BatchNotTracked = "StockDocuments:BatchNotTracked";
    public const string BatchNumberInvalid = "StockDocuments:BatchNumberInvalid";
    public const string ExpiryNotTracked = "StockDocuments:ExpiryNotTracked";
    public const string TransferToSamePlace = "StockDocuments:TransferToSamePlace";
    public const string AdjustmentOnlyDecreases = "StockDocuments:AdjustmentOnlyDecreases";
    public const string AdjustmentOnlyIncreases = "StockDocuments:AdjustmentOnlyIncreases";
    public const string AdjustmentCommentRequired = "StockDocuments:AdjustmentCommentRequired";
    public const string UnitCostOnlyForIncreases = "StockDocuments:UnitCostOnlyForIncreases";
    public const string CountNotOpen = "StockDocuments:CountNotOpen";
    public const string CountLinesUncounted = "StockDocuments:CountLinesUncounted";
    public const string CountedQuantityInvalid = "StockDocuments:CountedQuantityInvalid";
    public const string CountLocationNotInScope = "StockDocuments:CountLocationNotInScope";
    public const string CountProductNotInScope = "StockDocuments:CountProductNotInScope";
    public const string CountLineUnknown = "StockDocuments:CountLineUnknown";
    public const string CountTooManyLines = "StockDocuments:CountTooManyLines";
    public const string CategoryUnknown = "StockDocuments:CategoryUnknown";
    public const string BarcodeUnknown = "StockDocuments:BarcodeUnknown";
    public const string ScanBatchAmbiguous = "StockDocuments:ScanBatchAmbiguous";
    public const string UploadEmpty = "StockDocuments:UploadEmpty";
    public const string UploadUnreadable = "StockDocuments:UploadUnreadable";
    public const string UploadColumnMissing = "StockDocuments:UploadColumnMissing";
    public const string UploadRowProductUnknown = "StockDocuments:UploadRowProductUnknown";
    public const string UploadRowProductNotInScope = "StockDocuments:UploadRowProductNotInScope";
    public const string UploadRowLocationUnknown = "StockDocuments:UploadRowLocationUnknown";
    public const string UploadRowQuantityInvalid = "StockDocuments:UploadRowQuantityInvalid";
    public const string UploadRowBatchRequired = "StockDocuments:UploadRowBatchRequired";
    public const string UploadRowDuplicate = "StockDocuments:UploadRowDuplicate";
}
