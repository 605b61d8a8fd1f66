using ErpSaaS.Common;

namespace ErpSaaS.Sales;

public interface ISalesOrderAppService
{
    Task<PagedResult<SalesOrderSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesOrderSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesOrderDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SalesOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(SalesOrderInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, SalesOrderInput input, CancellationToken cancellationToken = default);

    /// <summary>Available-to-promise of every line of the order (what confirming would check).</summary>
    Task<IReadOnlyList<SalesLineAvailabilityDto>> GetAvailabilityAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a draft (or an approved order): the rate to the base currency is fixed (refused next to the currency when
    /// there is none); a discount above the company's limit or an order beyond the customer's credit (both in the base
    /// currency) goes to approval first; otherwise every line's stock is reserved at once, or nothing is and the short
    /// line is named; or, with <see cref="SalesActionInput.BackOrder"/>, each line reserves what is available and the rest
    /// is back-ordered. Returns where the order stands afterwards.
    /// </summary>
    Task<SalesOrderStatus> ConfirmAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lines of an unconfirmed order short of stock for their promised date (the quantity short by then, counting
    /// open purchase supply), with the requisition raised for each, if any; and what the company does about shortages.
    /// </summary>
    Task<(ShortageAction Action, IReadOnlyList<SalesShortLineDto> Lines)> GetShortagesAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A draft purchase requisition for each short line that has none yet (the "suggestion" setting's button).</summary>
    Task<IReadOnlyList<SalesShortLineDto>> RaisePurchaseNeedsAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Cancels an order nothing of which was delivered; its reservations are released, its back order cleared and a pending approval withdrawn.</summary>
    Task CancelAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a confirmed (or approved) order nothing was delivered or invoiced against, with the reason (its
    /// reservations released, its back order cleared), and returns the id of its draft copy, to change and confirm again.
    /// </summary>
    Task<Guid> AmendAsync(Guid id, SalesAmendInput input, CancellationToken cancellationToken = default);

    /// <summary>Whether the company lets a short order be confirmed with a back order (setting Sales.BackOrders).</summary>
    Task<bool> BackOrdersAllowedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves as much of the order's back-ordered lines as is available now (stock arriving does this by itself, the
    /// line promised first served first); refused when nothing is back-ordered or nothing is available.
    /// </summary>
    Task<SalesBackOrderResultDto> ReserveBackOrdersAsync(Guid id, CancellationToken cancellationToken = default);
}

public interface ISalesDeliveryAppService
{
    Task<PagedResult<SalesDeliverySummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesDeliverySummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesDeliveryDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A draft delivery of an open order: the quantities given, or all that is open; batches suggested first to expire first.</summary>
    Task<Guid> CreateAsync(SalesDeliveryInput input, CancellationToken cancellationToken = default);
    Task<SalesScanResultDto> ScanAsync(Guid id, SalesScanInput input, CancellationToken cancellationToken = default);

    /// <summary>Ships the delivery: the ledger issues the stock, the order's reservation shrinks by what shipped.</summary>
    Task PostAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default);
}

public interface ISalesInvoiceAppService
{
    Task<PagedResult<SalesInvoiceSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesInvoiceSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesInvoiceDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Invoices what the delivery shipped and was not invoiced yet; the invoice is a receivable of its total.</summary>
    Task<Guid> CreateFromDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken = default);
    Task RecordReceiptAsync(Guid id, SalesReceiptInput input, CancellationToken cancellationToken = default);
}

public interface ISalesQuotationAppService
{
    Task<PagedResult<SalesQuotationSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesQuotationSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesQuotationDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(SalesQuotationInput input, CancellationToken cancellationToken = default);

    /// <summary>One click: a draft order with the quotation's customer, warehouse, lines and prices; refused once the quotation expired.</summary>
    Task<Guid> ConvertAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default);
}

public interface ISalesReturnAppService
{
    Task<PagedResult<SalesReturnSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesReturnSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesReturnDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The quarantine warehouses a return may go to.</summary>
    Task<IReadOnlyList<SalesPartyDto>> GetQuarantineWarehousesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records and posts a return of a posted delivery: the goods come back at the cost they left at, into its warehouse
    /// or a quarantine warehouse; the invoiced part is credited on the invoice.
    /// </summary>
    Task<Guid> CreateAsync(SalesReturnInput input, CancellationToken cancellationToken = default);
}

/// <summary>
/// For purchasing: which sales orders are short of a product (read-only): unconfirmed ones stock cannot cover now, and
/// confirmed ones with a back order of it, which wait for it to arrive.
/// </summary>
public interface ISalesShortages
{
    Task<IReadOnlyList<SalesShortOrderDto>> GetShortOrdersAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default);
}

/// <param name="Needed">Base units the line still needs: the whole line before confirmation, the back-ordered rest after it.</param>
/// <param name="BackOrderedQuantity">Base units a confirmed order waits for (its back order of the line); 0 for an unconfirmed order.</param>
public sealed record SalesShortOrderDto(Guid OrderId, string OrderNumber, SalesOrderStatus Status, int LineNumber, Guid ProductId, string ProductCode, decimal Needed,
    decimal AvailableNow, DateOnly PromisedDate, decimal BackOrderedQuantity = 0m)
{
    public bool IsBackOrdered => BackOrderedQuantity > 0m;
}
