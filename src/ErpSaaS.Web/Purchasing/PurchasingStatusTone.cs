using ErpSaaS.Purchasing;
using ErpSaaS.Web.Shell;

namespace ErpSaaS.Web.Purchasing;

/// <summary>The badge colour of each purchasing status, the same in lists, headers and timelines.</summary>
public static class PurchasingStatusTone
{
    public static string Of(PurchaseOrderStatus status) => status switch
    {
        PurchaseOrderStatus.Draft => "bg-secondary-lt",
        PurchaseOrderStatus.PendingApproval => "bg-yellow-lt",
        PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent => "bg-azure-lt",
        PurchaseOrderStatus.PartiallyReceived or PurchaseOrderStatus.ToInvoice => "bg-blue-lt",
        PurchaseOrderStatus.Completed => "bg-green-lt",
        _ => "bg-red-lt",
    };

    public static string Of(PurchaseRequisitionStatus status) => status switch
    {
        PurchaseRequisitionStatus.Draft => "bg-secondary-lt",
        PurchaseRequisitionStatus.PendingApproval => "bg-yellow-lt",
        PurchaseRequisitionStatus.Approved => "bg-azure-lt",
        PurchaseRequisitionStatus.Ordered => "bg-green-lt",
        _ => "bg-red-lt",
    };

    public static string Of(GoodsReceiptStatus status) => status switch
    {
        GoodsReceiptStatus.Draft => "bg-secondary-lt",
        GoodsReceiptStatus.Posted => "bg-green-lt",
        _ => "bg-red-lt",
    };

    public static string Of(PurchaseInvoiceStatus status) => status switch
    {
        PurchaseInvoiceStatus.Draft => "bg-secondary-lt",
        PurchaseInvoiceStatus.PendingApproval => "bg-yellow-lt",
        PurchaseInvoiceStatus.Approved => "bg-azure-lt",
        PurchaseInvoiceStatus.Paid => "bg-green-lt",
        _ => "bg-red-lt",
    };

    /// <summary>A document's timeline card; statuses are localized as "{prefix}:{status}".</summary>
    public static DocumentTimeline Timeline<TStatus>(string title, IEnumerable<PurchasingEventDto> events, string prefix, Func<TStatus, string> tone,
        Func<string, string> localize) where TStatus : struct, Enum =>
        new(title, [.. events.Select(e => new DocumentTimelineEntry(localize($"{prefix}:{e.Status}"), e.Status,
            Enum.TryParse<TStatus>(e.Status, out var status) ? tone(status) : "bg-secondary-lt", e.At, e.UserName, e.Comment))]);
}

/// <summary>A header button that needs a reason (cancel, close): the page handler, element ids, texts and the version acted on.</summary>
public sealed record ReasonAction(string Handler, string Id, uint Version, string Text, string ReasonLabel, string ButtonClass);
