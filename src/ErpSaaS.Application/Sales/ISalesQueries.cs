using ErpSaaS.Common;

namespace ErpSaaS.Sales;

/// <summary>The read side of sales: lists, document pages and the figures confirmation and billing read.</summary>
public interface ISalesQueries
{
    Task<PagedResult<SalesOrderSummaryDto>> GetOrdersAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesOrderDto?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<SalesDeliverySummaryDto>> GetDeliveriesAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesDeliveryDto?> FindDeliveryAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<SalesInvoiceSummaryDto>> GetInvoicesAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesInvoiceDto?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<SalesQuotationSummaryDto>> GetQuotationsAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesQuotationDto?> FindQuotationAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<SalesReturnSummaryDto>> GetReturnsAsync(SalesListQuery query, CancellationToken cancellationToken = default);
    Task<SalesReturnDto?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesPartyDto>> GetQuarantineWarehousesAsync(CancellationToken cancellationToken = default);

    /// <summary>Lines of draft, pending or approved orders (nothing reserved yet) for the products, with each order's warehouse.</summary>
    Task<IReadOnlyList<SalesLineNeed>> GetUnconfirmedLinesAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default);

    /// <summary>Lines of confirmed orders (open) that wait for stock of the products: their back-ordered base quantity (what they need), with each order's warehouse.</summary>
    Task<IReadOnlyList<SalesLineNeed>> GetBackOrderedLinesAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default);

    Task<SalesOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sales orders created in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<int> CountOrdersCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>An order line that needs stock of its product in its order's warehouse, by its promised date.</summary>
public sealed record SalesLineNeed(
    Guid OrderId, string OrderNumber, SalesOrderStatus Status, Guid WarehouseId, int LineNumber, Guid ProductId, string ProductCode, decimal Needed, DateOnly PromisedDate);
