using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Alerts;

public sealed class StockAlertListQuery : PageRequest
{
    /// <summary>One kind; null lists every kind.</summary>
    public StockAlertKind? Kind { get; set; }

    /// <summary>Product code or name contains.</summary>
    public string? Search { get; set; }

    /// <summary>Only alerts of this warehouse (product-wide alerts have no warehouse and drop out).</summary>
    public Guid? WarehouseId { get; set; }
}

/// <summary>
/// One alert. Product-wide kinds (safety stock, reorder point, maximum) compare <see cref="Quantity"/> with
/// <see cref="Threshold"/> over all warehouses; slow movers name the warehouse and the days idle; expiring batches
/// the warehouse, batch, expiry and days left (negative: expired).
/// </summary>
public sealed record StockAlertDto(
    StockAlertKind Kind, Guid ProductId, string ProductCode, string ProductName, string BaseUnit,
    Guid? WarehouseId, string? WarehouseCode, string? BatchNumber, DateOnly? ExpiryDate,
    decimal Quantity, decimal? Threshold, DateTimeOffset? LastIssueAt, int? Days);

/// <summary>How many alerts of each kind the company has today, and the settings they were computed with.</summary>
public sealed record StockAlertSummaryDto(DateOnly Today, IReadOnlyDictionary<StockAlertKind, int> Counts, int SlowMovingDays, int ExpiryWarningDays)
{
    public int Total => Counts.Values.Sum();
}

public sealed class StockAlertSettingsInput
{
    public int SlowMovingDays { get; set; } = StockAlertSettings.DefaultSlowMovingDays;
    public int ExpiryWarningDays { get; set; } = StockAlertSettings.DefaultExpiryWarningDays;
}

/// <summary>
/// The alerts panel: counts per kind, the alerts themselves (paged, filtered), their export, and the two thresholds
/// in days. Reading needs the "Inventory" permission; changing the thresholds "Settings.Manage".
/// </summary>
public interface IStockAlertAppService
{
    Task<StockAlertSummaryDto> GetSummaryAsync(CancellationToken cancellationToken = default);
    Task<PagedResult<StockAlertDto>> GetListAsync(StockAlertListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StockAlertDto>> ExportAsync(StockAlertListQuery query, CancellationToken cancellationToken = default);
    Task UpdateSettingsAsync(StockAlertSettingsInput input, CancellationToken cancellationToken = default);
}
