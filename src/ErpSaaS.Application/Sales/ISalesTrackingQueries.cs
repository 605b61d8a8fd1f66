namespace ErpSaaS.Sales;

/// <summary>A line of a tracked order still to deliver (base units), for the late-delivery and late-supply marks.</summary>
public sealed record SalesTrackingOpenLine(int LineNumber, Guid ProductId, decimal OpenQuantity, DateOnly PromisedDate, decimal BackOrderedQuantity = 0m);

/// <summary>One sales order as the tracking board reads it, its lines already summed (base units), and what its invoices still wait for.</summary>
public sealed record SalesTrackingOrderRow(
    Guid Id, string Number, SalesOrderStatus Status, Guid CustomerId, string CustomerCode, string CustomerName, Guid WarehouseId, string WarehouseCode,
    DateOnly OrderDate, string CurrencyCode, decimal TotalAmount, int Lines, decimal OrderedQuantity, DateOnly? EarliestPromise,
    IReadOnlyList<SalesTrackingOpenLine> OpenLines, decimal OpenReceivable);

/// <summary>The sales tracking board's read side: a few set-based queries, whatever the number of orders.</summary>
public interface ISalesTrackingQueries
{
    /// <summary>
    /// Orders not finished (a completed order with an invoice still open is not), of a customer when given, plus the
    /// finished ones dated in <paramref name="finishedFrom"/>..<paramref name="finishedTo"/> when given.
    /// </summary>
    Task<IReadOnlyList<SalesTrackingOrderRow>> GetOrdersAsync(Guid? customerId, DateOnly? finishedFrom, DateOnly? finishedTo, CancellationToken cancellationToken = default);
}
