using ErpSaaS.Catalog;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory;

/// <summary>Stock on hand by product, warehouse, bin and batch.</summary>
public sealed class StockOnHandQuery : PageRequest
{
    /// <summary>Product code, name or barcode, or batch number.</summary>
    public string? Search { get; set; }
    public Guid? WarehouseId { get; set; }
    public Guid? LocationId { get; set; }

    /// <summary>Also list balances that are back at zero (the list shows stock that is there or promised by default).</summary>
    public bool IncludeZero { get; set; }
}

public sealed record StockOnHandRowDto(
    Guid ProductId, string ProductCode, string ProductName, string Unit, Guid WarehouseId, string WarehouseCode, Guid LocationId, string? LocationCode,
    string BatchNumber, DateOnly? ExpiryDate, decimal OnHand, decimal Reserved, decimal Available, decimal Value);

/// <summary>Sums over every row of the filter, not just the page shown.</summary>
public sealed record StockTotalsDto(decimal OnHand, decimal Reserved, decimal Available, decimal Value);

public sealed record StockOnHandPageDto(PagedResult<StockOnHandRowDto> Page, StockTotalsDto Totals);

public sealed class StockMovementQuery : PageRequest
{
    public Guid? WarehouseId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed record StockMovementDto(
    Guid EntryId, DateTimeOffset PostedAt, string SourceType, string SourceNumber, int SourceLine, string WarehouseCode, string? LocationCode,
    string BatchNumber, decimal Quantity, decimal UnitCost, decimal Value, decimal QuantityAfter, decimal ValueAfter);

public sealed record ProductStockLevelDto(Guid WarehouseId, string WarehouseCode, string WarehouseName, decimal OnHand, decimal Reserved, decimal Available,
    decimal OnOrder, decimal Planned, decimal Value);

/// <summary>A product's stock in every warehouse, with how it is valued.</summary>
public sealed record ProductStockDto(Guid ProductId, string Code, string Name, string Unit, ValuationMethod ValuationMethod, IReadOnlyList<ProductStockLevelDto> Levels)
{
    public decimal OnHand => Levels.Sum(l => l.OnHand);
    public decimal Value => Levels.Sum(l => l.Value);
}

/// <summary>Stock quantity and value per product and warehouse as they stood at the end of a day.</summary>
public sealed class StockValueQuery : PageRequest
{
    /// <summary>The day (UTC) whose closing stock is valued; empty = today.</summary>
    public DateOnly? Date { get; set; }
    public Guid? WarehouseId { get; set; }
    public string? Search { get; set; }
}

public sealed record StockValueRowDto(Guid ProductId, string ProductCode, string ProductName, string Unit, Guid WarehouseId, string WarehouseCode, decimal Quantity, decimal Value);

public sealed record StockValuePageDto(DateOnly Date, PagedResult<StockValueRowDto> Page, decimal TotalQuantity, decimal TotalValue);

/// <summary>Choices for the inquiry filters: the company's warehouses and bins.</summary>
public sealed record StockFilterOptionsDto(IReadOnlyList<StockOptionDto> Warehouses, IReadOnlyList<StockOptionDto> Locations);

public sealed record StockOptionDto(Guid Id, string Code, string Name, Guid? ParentId = null);

/// <summary>Stock inquiries of the current company; need the "Inventory" permission.</summary>
public interface IStockInquiryAppService
{
    Task<StockOnHandPageDto> GetOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StockOnHandRowDto>> ExportOnHandAsync(StockOnHandQuery query, CancellationToken cancellationToken = default);
    Task<ProductStockDto> GetProductAsync(Guid productId, CancellationToken cancellationToken = default);
    Task<PagedResult<StockMovementDto>> GetMovementsAsync(Guid productId, StockMovementQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StockMovementDto>> ExportMovementsAsync(Guid productId, StockMovementQuery query, CancellationToken cancellationToken = default);
    Task<StockValuePageDto> GetValueAsync(StockValueQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StockValueRowDto>> ExportValueAsync(StockValueQuery query, CancellationToken cancellationToken = default);
    Task<StockFilterOptionsDto> GetFilterOptionsAsync(CancellationToken cancellationToken = default);
}

public sealed record StockDifferenceDto(
    StockDifferenceKind Kind, Guid ProductId, string ProductCode, string? WarehouseCode, string? LocationCode, string BatchNumber,
    decimal KeptQuantity, decimal LedgerQuantity, decimal KeptValue, decimal LedgerValue);

public sealed record StockVerificationRunDto(
    Guid Id, DateTimeOffset RanAt, StockVerificationTrigger Trigger, string? UserName, int CheckedRows, int DifferenceCount, IReadOnlyList<StockDifferenceDto> Differences);

/// <summary>The check that balances equal the ledger: the last result, and running it now. Needs the "Inventory" permission.</summary>
public interface IStockVerificationAppService
{
    /// <summary>The latest run (nightly or by hand), or null before the first.</summary>
    Task<StockVerificationRunDto?> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>Compares now and records the result; returns the run's id.</summary>
    Task<Guid> RunAsync(CancellationToken cancellationToken = default);
}
