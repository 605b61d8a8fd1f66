using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockCountInput
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public Guid? WarehouseId { get; set; }

    /// <summary>The bins to count; none means the whole warehouse.</summary>
    public List<Guid> LocationIds { get; set; } = [];

    /// <summary>Only this category (and its subcategories); empty means every product.</summary>
    public Guid? CategoryId { get; set; }

    [MaxLength(StockDocumentConsts.MaxCommentLength)]
    public string? Comment { get; set; }
}

public sealed record StockCountLineDto(
    int LineNumber, Guid? LocationId, string? LocationCode, Guid ProductId, string ProductCode, string ProductName, string? Specification, string BaseUnit,
    string? BatchNumber, DateOnly? ExpiryDate, decimal BookQuantity, decimal? CountedQuantity, decimal BookUnitCost, decimal? PostedValue)
{
    public decimal Variance => (CountedQuantity ?? BookQuantity) - BookQuantity;
    public decimal VarianceValue => decimal.Round(Variance * BookUnitCost, StockDocumentConsts.ValueScale, MidpointRounding.AwayFromZero);
}

public sealed record StockCountDto(
    StockDocumentHeaderDto Header, Guid WarehouseId, string WarehouseCode, string WarehouseName, IReadOnlyList<Guid> LocationIds,
    IReadOnlyList<string> LocationCodes, Guid? CategoryId, string? CategoryName, DateTimeOffset? FrozenAt, IReadOnlyList<StockCountLineDto> Lines)
{
    public int CountedLines => Lines.Count(l => l.CountedQuantity is not null);
    public decimal GainValue => Lines.Where(l => l.Variance > 0m).Sum(l => l.VarianceValue);
    public decimal LossValue => Lines.Where(l => l.Variance < 0m).Sum(l => l.VarianceValue);
    public decimal NetVarianceValue => Lines.Sum(l => l.VarianceValue);
}

/// <summary>One scan: a barcode (or product code) in a bin; the quantity defaults to one.</summary>
public sealed class StockCountScanInput
{
    public Guid? LocationId { get; set; }

    [MaxLength(64)]
    public string? Barcode { get; set; }
    public decimal? Quantity { get; set; }
    public string? BatchNumber { get; set; }
}

public sealed record StockCountScanResultDto(int LineNumber, string ProductCode, string ProductName, string? LocationCode, string? BatchNumber, decimal Added,
    decimal CountedQuantity, string BaseUnit);

public sealed class CountedLineInput
{
    public int LineNumber { get; set; }
    public decimal? Counted { get; set; }
}

/// <summary>Counted quantities typed into the sheet, from the version shown.</summary>
public sealed class StockCountEntryInput
{
    public uint Version { get; set; }
    public List<CountedLineInput> Lines { get; set; } = [];
}

/// <summary>A row of an uploaded count file: bin code, product code or barcode, batch and counted quantity (base units, invariant number).</summary>
public sealed record StockCountUploadRowInput(int Row, string? Location, string? Product, string? BatchNumber, string? Counted);

/// <summary>
/// Stock counts (盘点): scope, start (freeze the book), count by hand, by scan or by file upload, finish, review the
/// variances, post them as adjustments, or cancel. Needs the "Inventory" permission.
/// </summary>
public interface IStockCountAppService
{
    Task<StockCountDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(StockCountInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, StockCountInput input, CancellationToken cancellationToken = default);
    Task StartAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task<StockCountScanResultDto> ScanAsync(Guid id, StockCountScanInput input, CancellationToken cancellationToken = default);
    Task EnterCountsAsync(Guid id, StockCountEntryInput input, CancellationToken cancellationToken = default);

    /// <summary>Sets the counted quantities of every row, or changes nothing when a row is wrong.</summary>
    Task<int> UploadCountsAsync(Guid id, IReadOnlyList<StockCountUploadRowInput> rows, CancellationToken cancellationToken = default);
    Task FinishCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task ResumeCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
}
