using System.Text.Json.Serialization;

namespace ErpSaaS.Purchasing;

/// <summary>
/// Where a purchase order stands on the tracking board (采购跟踪), a finer reading of its status: an approved or sent
/// order is "awaiting receipt" once the supplier confirmed a date, and a completed order stays "to pay" while an
/// invoice of it is still owed. <see cref="Finished"/>: cancelled, closed, or completed with every invoice paid.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchaseOrderStage>))]
public enum PurchaseOrderStage
{
    Draft = 0,
    AwaitingApproval = 1,
    ApprovedNotSent = 2,
    AwaitingConfirmation = 3,
    AwaitingReceipt = 4,
    PartlyReceived = 5,
    ToInvoice = 6,
    ToPay = 7,
    Finished = 8,
}
