namespace ErpSaaS.Sales;

/// <summary>How the tracking board reads a sales order: its stage and whether its delivery is late.</summary>
public static class SalesOrderStages
{
    /// <param name="openReceivable">What the order's invoices still wait for from the customer.</param>
    /// <param name="backOrdered">What the order's lines wait for stock to arrive (back-ordered, not reserved).</param>
    public static SalesOrderStage Of(SalesOrderStatus status, decimal openReceivable, decimal backOrdered = 0m) => status switch
    {
        SalesOrderStatus.Draft => SalesOrderStage.Draft,
        SalesOrderStatus.PendingApproval => SalesOrderStage.AwaitingApproval,
        SalesOrderStatus.Approved => SalesOrderStage.ApprovedNotConfirmed,
        SalesOrderStatus.Confirmed or SalesOrderStatus.PartiallyDelivered when backOrdered > 0m => SalesOrderStage.BackOrdered,
        SalesOrderStatus.Confirmed => SalesOrderStage.AwaitingDelivery,
        SalesOrderStatus.PartiallyDelivered => SalesOrderStage.PartlyDelivered,
        SalesOrderStatus.Delivered => SalesOrderStage.ToInvoice,
        SalesOrderStatus.Completed when openReceivable > 0m => SalesOrderStage.ToReceivePayment,
        _ => SalesOrderStage.Finished,
    };

    /// <summary>
    /// Delivery is late when the order is promised to the customer (approved or confirmed, not fully delivered) and some
    /// line with quantity still to deliver was promised for a day before today.
    /// </summary>
    public static bool IsDeliveryLate(SalesOrderStatus status, DateOnly? earliestOpenPromise, DateOnly today) =>
        status is SalesOrderStatus.Approved or SalesOrderStatus.Confirmed or SalesOrderStatus.PartiallyDelivered
        && earliestOpenPromise is { } promised && promised < today;

    /// <summary>The statuses whose short lines the order page checks against incoming supply (its late-supply warning).</summary>
    public static bool ChecksSupply(SalesOrderStatus status) =>
        status is SalesOrderStatus.Draft or SalesOrderStatus.PendingApproval or SalesOrderStatus.Approved;
}
