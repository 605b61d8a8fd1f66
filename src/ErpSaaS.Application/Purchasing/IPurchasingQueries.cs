using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

/// <summary>The read side of purchasing: lists and document pages, projected without tracking.</summary>
public interface IPurchasingQueries
{
    Task<PagedResult<PurchaseOrderSummaryDto>> GetOrdersAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseOrderDto?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<GoodsReceiptSummaryDto>> GetReceiptsAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default);
    Task<GoodsReceiptDto?> FindReceiptAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PagedResult<PurchaseRequisitionSummaryDto>> GetRequisitionsAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseRequisitionDto?> FindRequisitionAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
}
