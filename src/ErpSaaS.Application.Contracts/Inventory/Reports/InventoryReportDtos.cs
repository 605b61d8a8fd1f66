using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Reports;

/// <summary>Filters every inventory report shares.</summary>
public abstract class InventoryReportQuery : PageRequest
{
    /// <summary>Product code or name contains.</summary>
    public string? Search { get; set; }
    public Guid? WarehouseId { get; set; }
}

public sealed class SlowMovingQuery : InventoryReportQuery
{
    /// <summary>Idle at least this many days; null = the company's slow-moving setting.</summary>
    public int? Days { get; set; }
}

public sealed class ExpiringBatchQuery : InventoryReportQuery
{
    /// <summary>Expiring within this many days (expired batches included); null = the company's expiry warning setting.</summary>
    public int? Days { get; set; }
}

public sealed record SlowMovingRowDto(
    Guid ProductId, string ProductCode, string ProductName, string BaseUnit, Guid WarehouseId, string WarehouseCode,
    DateTimeOffset LastMovementAt, DateTimeOffset? LastIssueAt, int DaysIdle, decimal Quantity, decimal Value);

public sealed record ExpiringBatchRowDto(
    Guid ProductId, string ProductCode, string ProductName, string BaseUnit, Guid WarehouseId, string WarehouseCode,
    string BatchNumber, DateOnly ExpiryDate, int DaysLeft, decimal Quantity, decimal Value);

/// <summary>One page of a report, with the totals of every row of its filter (not just the page), the day it was computed for and its days.</summary>
public sealed record InventoryReport<T>(PagedResult<T> Rows, decimal TotalQuantity, decimal TotalValue, DateOnly AsOf, int? Days);

/// <summary>
/// Inventory reports from the ledger and the balances: slow movers and expiring batches (stock value at a date is the
/// stock inquiry's, <c>IStockInquiryAppService.GetValueAsync</c>); each with filters, paging, totals and an export of
/// every row of the filter. Needs the "Inventory" permission.
/// </summary>
public interface IInventoryReportAppService
{
    Task<InventoryReport<SlowMovingRowDto>> GetSlowMovingAsync(SlowMovingQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SlowMovingRowDto>> ExportSlowMovingAsync(SlowMovingQuery query, CancellationToken cancellationToken = default);
    Task<InventoryReport<ExpiringBatchRowDto>> GetExpiringBatchesAsync(ExpiringBatchQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ExpiringBatchRowDto>> ExportExpiringBatchesAsync(ExpiringBatchQuery query, CancellationToken cancellationToken = default);
}
