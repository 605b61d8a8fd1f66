using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

public sealed class GoodsReceiptListQuery : PageRequest
{
    /// <summary>Part of the receipt's or the order's number, or the supplier's name.</summary>
    public string? Search { get; set; }
    public GoodsReceiptStatus? Status { get; set; }
    public Guid? PurchaseOrderId { get; set; }
}

public sealed record GoodsReceiptSummaryDto(
    Guid Id, string Number, GoodsReceiptStatus Status, Guid PurchaseOrderId, string OrderNumber, string SupplierName, string WarehouseCode,
    DateOnly ReceivedOn, DateTimeOffset CreatedAt, DateTimeOffset? PostedAt);

public sealed record GoodsReceiptLineDto(
    int LineNumber, int OrderLineNumber, string ProductCode, string ProductName, bool IsBatchTracked, string Unit, decimal AcceptedQuantity,
    decimal RejectedQuantity, string? RejectReason, RejectedGoodsDisposition Disposition, string? BatchNumber, DateOnly? ExpiryDate,
    decimal? BaseUnitCost, decimal? PostedValue)
{
    public decimal ReceivedQuantity => AcceptedQuantity + RejectedQuantity;
}

public sealed record GoodsReceiptDto(
    Guid Id, string Number, GoodsReceiptStatus Status, Guid PurchaseOrderId, string OrderNumber, string SupplierName, Guid WarehouseId,
    string WarehouseCode, Guid? QuarantineWarehouseId, string? QuarantineWarehouseCode, DateOnly ReceivedOn, string? Comment, uint Version,
    DateTimeOffset CreatedAt, DateTimeOffset? PostedAt, IReadOnlyList<GoodsReceiptLineDto> Lines, IReadOnlyList<PurchasingEventDto> Timeline)
{
    public bool IsDraft => Status == GoodsReceiptStatus.Draft;

    public GoodsReceiptInput ToInput() => new()
    {
        Version = Version, PurchaseOrderId = PurchaseOrderId, QuarantineWarehouseId = QuarantineWarehouseId, Comment = Comment,
        Lines = [.. Lines.Select(l => new GoodsReceiptLineInput
        {
            OrderLineNumber = l.OrderLineNumber, AcceptedQuantity = l.AcceptedQuantity, RejectedQuantity = l.RejectedQuantity,
            RejectReason = l.RejectReason, Disposition = l.Disposition, BatchNumber = l.BatchNumber, ExpiryDate = l.ExpiryDate,
        })],
    };
}

public sealed class GoodsReceiptInput
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public Guid? PurchaseOrderId { get; set; }
    public Guid? QuarantineWarehouseId { get; set; }

    [StringLength(PurchasingConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    /// <summary>Empty on create: the receipt starts empty, to be filled by scanning.</summary>
    public List<GoodsReceiptLineInput> Lines { get; set; } = [];
}

/// <summary>One order line's goods as inspected: received = accepted + rejected (the rejected part with a reason).</summary>
public sealed class GoodsReceiptLineInput
{
    public int? OrderLineNumber { get; set; }
    public decimal? AcceptedQuantity { get; set; }
    public decimal? RejectedQuantity { get; set; }

    [StringLength(PurchasingConsts.MaxReasonLength)]
    public string? RejectReason { get; set; }
    public RejectedGoodsDisposition Disposition { get; set; }
    public string? BatchNumber { get; set; }
    public DateOnly? ExpiryDate { get; set; }

    /// <summary>A row with nothing accepted or rejected is left out, so a partial receipt only lists what came.</summary>
    public bool IsBlank => (AcceptedQuantity ?? 0m) == 0m && (RejectedQuantity ?? 0m) == 0m;
}

public sealed class ReceiptScanInput
{
    public uint Version { get; set; }
    public string? Barcode { get; set; }
    public decimal? Quantity { get; set; }
}

/// <summary>What a scan did: the product, the receipt line it counted on and that line's accepted quantity now.</summary>
public sealed record ReceiptScanResultDto(string ProductCode, string ProductName, int LineNumber, decimal AcceptedQuantity, string Unit, uint Version);

public interface IGoodsReceiptAppService
{
    Task<PagedResult<GoodsReceiptSummaryDto>> GetListAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<GoodsReceiptSummaryDto>> ExportAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default);
    Task<GoodsReceiptDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Approved orders still waiting for goods, oldest first: where the warehouse starts a receipt.</summary>
    Task<PagedResult<PurchaseOrderSummaryDto>> GetReceivableOrdersAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The order a receipt is against, as those who receive without buying may see it.</summary>
    Task<PurchaseOrderDto> GetOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default);
    Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A new receipt's form for an order: one row per line with what is still to come.</summary>
    Task<GoodsReceiptInput> NewForOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(GoodsReceiptInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, GoodsReceiptInput input, CancellationToken cancellationToken = default);
    Task<ReceiptScanResultDto> ScanAsync(Guid id, ReceiptScanInput input, CancellationToken cancellationToken = default);
    Task PostAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
}
