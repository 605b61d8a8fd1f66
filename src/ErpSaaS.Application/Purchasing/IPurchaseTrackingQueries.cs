namespace ErpSaaS.Purchasing;

/// <summary>
/// One purchase order as the tracking board reads it, its lines already summed (base units): lines still to receive,
/// their earliest due date (<see cref="PurchaseOrder.DueOn"/>), and what its invoices still owe.
/// </summary>
public sealed record PurchaseTrackingOrderRow(
    Guid Id, string Number, PurchaseOrderStatus Status, Guid SupplierId, string SupplierCode, string SupplierName, string WarehouseCode,
    DateOnly OrderDate, bool DateConfirmed, string CurrencyCode, decimal TotalAmount, int Lines, int OpenLines, decimal OrderedQuantity,
    decimal OpenQuantity, DateOnly? EarliestDue, DateOnly? EarliestOpenDue, decimal OpenPayable);

/// <summary>The tracking board's read side: a few set-based queries, whatever the number of orders.</summary>
public interface IPurchaseTrackingQueries
{
    /// <summary>
    /// Orders not finished (a completed order with an invoice still owed is not), of a supplier and warehouse when
    /// given, plus the finished ones dated in <paramref name="finishedFrom"/>..<paramref name="finishedTo"/> when given.
    /// </summary>
    Task<IReadOnlyList<PurchaseTrackingOrderRow>> GetOrdersAsync(
        Guid? supplierId, Guid? warehouseId, DateOnly? finishedFrom, DateOnly? finishedTo, CancellationToken cancellationToken = default);
}
