using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockDocumentListQuery : PageRequest
{
    /// <summary>Part of the number or the comment.</summary>
    public string? Search { get; set; }
    public StockDocumentStatus? Status { get; set; }
}

/// <summary>A row of a document list; <see cref="Detail"/> is what tells documents of the kind apart (the reason, the warehouse counted).</summary>
public sealed record StockDocumentSummaryDto(
    Guid Id, string Number, StockDocumentStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PostedAt, string? Comment, int LineCount, string? Detail);

/// <summary>One entry of a document's timeline: the status reached, by whom, when and why.</summary>
public sealed record StockDocumentEventDto(StockDocumentStatus Status, DateTimeOffset At, string? UserName, string? Comment);

public sealed record StockDocumentHeaderDto(
    Guid Id, string Number, StockDocumentStatus Status, uint Version, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset? PostedAt,
    IReadOnlyList<StockDocumentEventDto> Timeline)
{
    public bool IsDraft => Status == StockDocumentStatus.Draft;

    /// <summary>Held by the approval flow: not editable, not posted, waiting for its approvers.</summary>
    public bool IsPendingApproval => Status == StockDocumentStatus.PendingApproval;
    public bool IsFinal => Status is StockDocumentStatus.Posted or StockDocumentStatus.Cancelled;
}

/// <summary>Posting or cancelling a document as it was shown (the version), with an optional reason for the timeline.</summary>
/// <summary>A line that puts stock in (or takes it out of) one warehouse and bin: opening balances and adjustments.</summary>
public interface IStockLineInput
{
    /// <summary>Product code or barcode.</summary>
    string? Product { get; }
    Guid? WarehouseId { get; }

    /// <summary>Bin code inside the warehouse; empty for none.</summary>
    string? Location { get; }
    string? BatchNumber { get; }
    DateOnly? ExpiryDate { get; }
    decimal? Quantity { get; }

    /// <summary>Unit code; empty for the product's base unit.</summary>
    string? Unit { get; }
    decimal? UnitCost { get; }
}

public sealed class StockDocumentActionInput
{
    public uint Version { get; set; }

    [MaxLength(StockDocumentConsts.MaxCommentLength)]
    public string? Comment { get; set; }
}

public sealed record WarehouseOptionDto(Guid Id, string Code, string Name, IReadOnlyList<LocationOptionDto> Locations);

public sealed record LocationOptionDto(Guid Id, string Code, string Name);

public sealed record CategoryOptionDto(Guid Id, string Code, string Name);

/// <summary>What the document forms offer to choose from: the active warehouses with their bins, the product categories.</summary>
public sealed record StockDocumentOptionsDto(IReadOnlyList<WarehouseOptionDto> Warehouses, IReadOnlyList<CategoryOptionDto> Categories);

public sealed class BatchSuggestionQuery
{
    /// <summary>Product code or barcode.</summary>
    public string? Product { get; set; }
    public Guid? WarehouseId { get; set; }

    /// <summary>Bin code; empty means any bin of the warehouse.</summary>
    public string? Location { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
}

/// <summary>A batch to issue from, first to expire first, with what is available (base units) and what to take to cover the quantity.</summary>
public sealed record BatchSuggestionDto(string BatchNumber, string? LocationCode, DateOnly? ExpiryDate, decimal Available, decimal Take, string BaseUnit);

/// <summary>Lists of each kind of stock document, the forms' options and the batches to issue first. Needs the "Inventory" permission.</summary>
public interface IStockDocumentAppService
{
    Task<PagedResult<StockDocumentSummaryDto>> GetListAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every document of the list's current filter, for a file.</summary>
    Task<IReadOnlyList<StockDocumentSummaryDto>> ExportAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default);

    Task<StockDocumentOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The product's batches with stock in the warehouse in FEFO order (empty for a product without batches).</summary>
    Task<IReadOnlyList<BatchSuggestionDto>> SuggestBatchesAsync(BatchSuggestionQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Quantities and costs come back from the database with all their decimals (7.0000); forms show them as typed (7).</summary>
public static class StockNumbers
{
    public static decimal Plain(this decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Plain(this decimal? value) => value?.Plain();
}
