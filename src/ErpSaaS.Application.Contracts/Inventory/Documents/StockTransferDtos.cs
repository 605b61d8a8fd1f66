using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockTransferLineInput
{
    /// <summary>Product code or barcode.</summary>
    public string? Product { get; set; }
    public Guid? FromWarehouseId { get; set; }
    public string? FromLocation { get; set; }
    public string? BatchNumber { get; set; }
    public Guid? ToWarehouseId { get; set; }
    public string? ToLocation { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && string.IsNullOrWhiteSpace(FromLocation) && string.IsNullOrWhiteSpace(ToLocation)
                           && string.IsNullOrWhiteSpace(BatchNumber) && Quantity is null;
}

public sealed class StockTransferInput
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }

    [MaxLength(StockDocumentConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    public List<StockTransferLineInput> Lines { get; set; } = [];
}

public sealed record StockTransferLineDto(
    int LineNumber, string ProductCode, string ProductName, Guid FromWarehouseId, string FromWarehouseCode, string? FromLocationCode, string? BatchNumber,
    Guid ToWarehouseId, string ToWarehouseCode, string? ToLocationCode, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal? PostedUnitCost, decimal? IssuedValue, decimal? ReceivedValue);

public sealed record StockTransferDto(StockDocumentHeaderDto Header, IReadOnlyList<StockTransferLineDto> Lines)
{
    public StockTransferInput ToInput() => new()
    {
        Version = Header.Version, Comment = Header.Comment,
        Lines = [.. Lines.Select(l => new StockTransferLineInput
        {
            Product = l.ProductCode, FromWarehouseId = l.FromWarehouseId, FromLocation = l.FromLocationCode, BatchNumber = l.BatchNumber,
            ToWarehouseId = l.ToWarehouseId, ToLocation = l.ToLocationCode, Quantity = l.Quantity.Plain(), Unit = l.Unit,
        })],
    };
}

/// <summary>
/// Transfers between warehouses and bins (调拨): drafts, posting (issues, then receipts at the issue cost), cancel. Needs
/// the "Inventory" permission, and the plan's multi-warehouse feature when a line leaves its warehouse.
/// </summary>
public interface IStockTransferAppService
{
    Task<StockTransferDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(StockTransferInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, StockTransferInput input, CancellationToken cancellationToken = default);
    Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
}
