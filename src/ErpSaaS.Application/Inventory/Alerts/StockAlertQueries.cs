using ErpSaaS.Common;
using ErpSaaS.Inventory.Reports;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>
/// The set-based SQL behind alerts, suggestions and reports: one statement per question over balances, the ledger and
/// products, never a loop per product.
/// </summary>
public interface IStockAlertQueries
{
    Task<IReadOnlyDictionary<StockAlertKind, int>> CountAsync(StockAlertWindow window, CancellationToken cancellationToken = default);
    Task<PagedResult<StockAlertDto>> GetListAsync(StockAlertListQuery query, StockAlertWindow window, CancellationToken cancellationToken = default);

    /// <summary>Products at or below their reorder point with their figures; the suggested quantity is left to <see cref="ReplenishmentRule"/>.</summary>
    Task<PagedResult<ReplenishmentSuggestionDto>> GetReplenishmentAsync(ReplenishmentQuery query, IReadOnlyCollection<Guid>? productIds, CancellationToken cancellationToken = default);
}

public interface IInventoryReportQueries
{
    Task<InventoryReport<SlowMovingRowDto>> GetSlowMovingAsync(SlowMovingQuery query, StockAlertWindow window, CancellationToken cancellationToken = default);
    Task<InventoryReport<ExpiringBatchRowDto>> GetExpiringBatchesAsync(ExpiringBatchQuery query, StockAlertWindow window, CancellationToken cancellationToken = default);
}
