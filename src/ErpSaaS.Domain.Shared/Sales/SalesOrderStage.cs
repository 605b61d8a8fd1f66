using System.Text.Json.Serialization;

namespace ErpSaaS.Sales;

/// <summary>
/// Where a sales order stands on the tracking board (销售跟踪), a finer reading of its status: an approved order not yet
/// confirmed (its stock was short when approval came) has a stage of its own, and a completed order stays "to receive
/// payment" while its invoices are still open. <see cref="Finished"/>: cancelled, or completed and fully paid.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesOrderStage>))]
public enum SalesOrderStage
{
    Draft = 0,
    AwaitingApproval = 1,
    ApprovedNotConfirmed = 2,
    AwaitingDelivery = 3,

    /// <summary>Confirmed with a back order: part of what is still to deliver waits for stock to arrive.</summary>
    BackOrdered = 4,
    PartlyDelivered = 5,
    ToInvoice = 6,
    ToReceivePayment = 7,
    Finished = 8,
}
