using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseRequisitionListQuery : PageRequest
{
    public string? Search { get; set; }
    public PurchaseRequisitionStatus? Status { get; set; }
}

public sealed record PurchaseRequisitionSummaryDto(
    Guid Id, string Number, PurchaseRequisitionStatus Status, string WarehouseCode, int LineCount, string? Comment, DateTimeOffset CreatedAt);

public sealed record PurchaseRequisitionLineDto(
    int LineNumber, string ProductCode, string ProductName, decimal Quantity, string BaseUnit, DateOnly NeededBy, string? Reason, Guid? PurchaseOrderId,
    string? PurchaseOrderNumber);

public sealed record PurchaseRequisitionDto(
    Guid Id, string Number, PurchaseRequisitionStatus Status, Guid WarehouseId, string WarehouseCode, string? Comment, uint Version,
    DateTimeOffset CreatedAt, IReadOnlyList<PurchaseRequisitionLineDto> Lines, IReadOnlyList<PurchasingEventDto> Timeline,
    Guid? SourceId = null, string? SourceNumber = null, int? SourceLine = null, string? SourceType = null);

public sealed class PurchaseRequisitionInput
{
    public Guid RequestId { get; set; }
    public Guid? WarehouseId { get; set; }

    [StringLength(PurchasingConsts.MaxCommentLength)]
    public string? Comment { get; set; }
    public List<PurchaseRequisitionLineInput> Lines { get; set; } = [];
}

/// <summary>A requisition line as typed: quantity in the product's base unit; an empty date is today plus the product's lead time.</summary>
public sealed class PurchaseRequisitionLineInput
{
    public string? Product { get; set; }
    public decimal? Quantity { get; set; }
    public DateOnly? NeededBy { get; set; }

    [StringLength(PurchasingConsts.MaxCommentLength)]
    public string? Reason { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && Quantity is null;
}

/// <summary>Chosen replenishment suggestions (by product) to put on one requisition, in the warehouse given.</summary>
public sealed class RequisitionFromSuggestionsInput
{
    public Guid RequestId { get; set; }
    public Guid? WarehouseId { get; set; }
    public List<Guid> ProductIds { get; set; } = [];
}

/// <summary>The orders a conversion made and the products left on the requisition for want of a preferred supplier.</summary>
public sealed record RequisitionConversionDto(IReadOnlyList<PurchasingOptionDto> Orders, IReadOnlyList<string> ProductsWithoutSupplier);

public interface IPurchaseRequisitionAppService
{
    Task<PagedResult<PurchaseRequisitionSummaryDto>> GetListAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseRequisitionDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(PurchaseRequisitionInput input, CancellationToken cancellationToken = default);
    Task<Guid> CreateFromSuggestionsAsync(RequisitionFromSuggestionsInput input, CancellationToken cancellationToken = default);
    Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task<RequisitionConversionDto> ConvertAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
}
