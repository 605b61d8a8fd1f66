namespace ErpSaaS.Purchasing;

/// <summary>How the tracking board reads a purchase order: its stage and whether its goods are late.</summary>
public static class PurchaseOrderStages
{
    /// <param name="dateConfirmed">The supplier confirmed a delivery date for the order, or for every line of it.</param>
    /// <param name="openPayable">What the order's submitted or approved invoices still owe the supplier.</param>
    public static PurchaseOrderStage Of(PurchaseOrderStatus status, bool dateConfirmed, decimal openPayable) => status switch
    {
        PurchaseOrderStatus.Draft => PurchaseOrderStage.Draft,
        PurchaseOrderStatus.PendingApproval => PurchaseOrderStage.AwaitingApproval,
        PurchaseOrderStatus.Approved => dateConfirmed ? PurchaseOrderStage.AwaitingReceipt : PurchaseOrderStage.ApprovedNotSent,
        PurchaseOrderStatus.Sent => dateConfirmed ? PurchaseOrderStage.AwaitingReceipt : PurchaseOrderStage.AwaitingConfirmation,
        PurchaseOrderStatus.PartiallyReceived => PurchaseOrderStage.PartlyReceived,
        PurchaseOrderStatus.ToInvoice => PurchaseOrderStage.ToInvoice,
        PurchaseOrderStatus.Completed when openPayable > 0m => PurchaseOrderStage.ToPay,
        _ => PurchaseOrderStage.Finished,
    };

    /// <summary>
    /// Goods are late when the order can still be received against and some line with quantity still to come was due
    /// before today (due = the line's confirmed date, else the order's, else the expected date: <see cref="PurchaseOrder.DueOn"/>).
    /// </summary>
    public static bool IsReceiptLate(PurchaseOrderStatus status, DateOnly? earliestOpenDue, DateOnly today) =>
        status is PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent or PurchaseOrderStatus.PartiallyReceived
        && earliestOpenDue is { } due && due < today;
}
