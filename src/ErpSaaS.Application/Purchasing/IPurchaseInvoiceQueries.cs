using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

/// <summary>The read side of invoices, payments, returns and supplier figures, projected without tracking.</summary>
public interface IPurchaseInvoiceQueries
{
    Task<PagedResult<PurchaseInvoiceSummaryDto>> GetInvoicesAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseInvoiceDto?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PurchaseOrderBalanceDto?> FindOrderBalanceAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default);
    Task<PagedResult<PurchaseReturnSummaryDto>> GetReturnsAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseReturnDto?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Receipts posted from <paramref name="from"/> to <paramref name="to"/> and order lines of approved orders dated in the 90 days up to <paramref name="to"/>.</summary>
    Task<IReadOnlyList<SupplierPerformanceDto>> GetSupplierPerformanceAsync(DateOnly from, DateOnly to, string? search, CancellationToken cancellationToken = default);
}
