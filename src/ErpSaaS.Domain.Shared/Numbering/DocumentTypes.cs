namespace ErpSaaS.Numbering;

/// <summary>Document types that get numbers, with their default pattern.</summary>
public static class DocumentTypes
{
    public const string PurchaseRequisition = "PurchaseRequisition";
    public const string PurchaseOrder = "PurchaseOrder";
    public const string GoodsReceipt = "GoodsReceipt";
    public const string PurchaseInvoice = "PurchaseInvoice";
    public const string PurchaseReturn = "PurchaseReturn";
    public const string SalesQuotation = "SalesQuotation";
    public const string SalesOrder = "SalesOrder";
    public const string Delivery = "Delivery";
    public const string SalesInvoice = "SalesInvoice";
    public const string SalesReturn = "SalesReturn";
    public const string StockTransfer = "StockTransfer";
    public const string StockAdjustment = "StockAdjustment";
    public const string StockCount = "StockCount";
    public const string OpeningBalance = "OpeningBalance";
    public const string ProductionOrder = "ProductionOrder";
    public const string Voucher = "Voucher";

    public static readonly IReadOnlyDictionary<string, string> DefaultPatterns = new Dictionary<string, string>
    {
        [PurchaseRequisition] = "PR-{yyyyMM}-{0000}",
        [PurchaseOrder] = "PO-{yyyyMM}-{0000}",
        [GoodsReceipt] = "GR-{yyyyMM}-{0000}",
        [PurchaseInvoice] = "PI-{yyyyMM}-{0000}",
        [PurchaseReturn] = "PT-{yyyyMM}-{0000}",
        [SalesQuotation] = "SQ-{yyyyMM}-{0000}",
        [SalesOrder] = "SO-{yyyyMM}-{0000}",
        [Delivery] = "DN-{yyyyMM}-{0000}",
        [SalesInvoice] = "SI-{yyyy}-{000000}",
        [SalesReturn] = "SR-{yyyyMM}-{0000}",
        [StockTransfer] = "TR-{yyyyMM}-{0000}",
        [StockAdjustment] = "AD-{yyyyMM}-{0000}",
        [StockCount] = "SC-{yyyyMM}-{0000}",
        [OpeningBalance] = "OB-{yyyyMM}-{0000}",
        [ProductionOrder] = "MO-{yyyyMM}-{0000}",
        [Voucher] = "JV-{yyyyMM}-{0000}",
    };
}
