using ErpSaaS.Common;

namespace ErpSaaS.Sales;

/// <summary>A customer's credit limit, in its own currency, and its exposure in the company's base currency.</summary>
public sealed record SalesCreditPosition(decimal CreditLimit, string CurrencyCode, decimal Exposure);

/// <summary>
/// Sales documents of the current company, loaded whole (lines, timeline, receipts) to be changed; except an order's
/// timeline, which the commands only add to (steps added to a loaded order are inserted) and the sales queries read.
/// </summary>
public interface ISalesRepository
{
    Task<SalesOrder?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SalesDelivery?> FindDeliveryAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SalesInvoice?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SalesQuotation?> FindQuotationAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SalesReturn?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The invoices billed from a delivery (a return of invoiced goods credits them).</summary>
    Task<IReadOnlyList<SalesInvoice>> GetDeliveryInvoicesAsync(Guid deliveryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The document an earlier submit of the same form created, if any. Call inside the saving transaction: it locks
    /// the request id until commit, so two submits racing each other create one document, not two.
    /// </summary>
    Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's credit limit (in the customer's currency) and what it owes or has committed to, other than
    /// <paramref name="exceptOrderId"/>, in the company's base currency (each document at its order's exchange rate):
    /// invoiced and not yet received, plus approved or confirmed orders not invoiced yet. One query; null when the
    /// company has no such customer.
    /// </summary>
    Task<SalesCreditPosition?> GetCreditPositionAsync(Guid customerId, Guid? exceptOrderId, CancellationToken cancellationToken = default);

    /// <summary>Locks the orders' header rows in id order until the transaction ends (before loading them to change them).</summary>
    Task LockOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Back-ordered lines of open orders for the (product, warehouse) pairs, first promised first (then first confirmed),
    /// at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<(Guid OrderId, int LineNumber, Guid ProductId, Guid WarehouseId)>> GetBackOrderedLinesAsync(
        IReadOnlyCollection<(Guid ProductId, Guid WarehouseId)> stock, int max, CancellationToken cancellationToken = default);

    /// <summary>Per order line, the base quantity on draft deliveries of the order (promised to the warehouse, not shipped yet).</summary>
    Task<IReadOnlyDictionary<int, decimal>> GetDraftDeliveryQuantitiesAsync(Guid orderId, Guid? exceptDeliveryId, CancellationToken cancellationToken = default);

    void Add(SalesOrder order);
    void Add(SalesDelivery delivery);
    void Add(SalesInvoice invoice);
    void Add(SalesQuotation quotation);
    void Add(SalesReturn salesReturn);
}

public static class SalesRepositoryExtensions
{
    /// <summary>The order, or not found (a 404 to the caller) when the company has none with that id.</summary>
    public static async Task<SalesOrder> GetOrderAsync(this ISalesRepository repository, Guid id, CancellationToken cancellationToken = default) =>
        await repository.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesOrder), id);
}
