using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Documents;

/// <summary>Read side of the stock documents of the current tenant: projections with codes and names, in SQL.</summary>
public interface IStockDocumentQueries
{
    Task<PagedResult<StockDocumentSummaryDto>> GetListAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default);
    Task<OpeningBalanceDto?> FindOpeningAsync(Guid id, CancellationToken cancellationToken = default);
    Task<StockTransferDto?> FindTransferAsync(Guid id, CancellationToken cancellationToken = default);
    Task<StockAdjustmentDto?> FindAdjustmentAsync(Guid id, CancellationToken cancellationToken = default);
    Task<StockCountDto?> FindCountAsync(Guid id, CancellationToken cancellationToken = default);
    Task<StockDocumentOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
}
