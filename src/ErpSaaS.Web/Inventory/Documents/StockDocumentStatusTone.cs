using ErpSaaS.Inventory.Documents;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>The badge colour of each stock document status, the same in lists, headers and timelines.</summary>
public static class StockDocumentStatusTone
{
    public static string Of(StockDocumentStatus status) => status switch
    {
        StockDocumentStatus.Draft => "bg-secondary-lt",
        StockDocumentStatus.Counting => "bg-yellow-lt",
        StockDocumentStatus.PendingApproval => "bg-orange-lt",
        StockDocumentStatus.Counted => "bg-azure-lt",
        StockDocumentStatus.Posted => "bg-green-lt",
        _ => "bg-red-lt",
    };
}
