using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockAdjustmentLineInput : IStockLineInput
{
    /// <summary>Product code or barcode.</summary>
    public string? Product { get; set; }
    public Guid? WarehouseId { get; set; }
    public string? Location { get; set; }
    public string? BatchNumber { get; set; }

    /// <summary>For stock coming in only; empty takes the receiving day plus the product's shelf life.</summary>
    public DateOnly? ExpiryDate { get; set; }

    /// <summary>+ brings stock in, − takes it out.</summary>
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }

    /// <summary>For stock coming in only; empty takes the current average cost.</summary>
    public decimal? UnitCost { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(BatchNumber)
                           && ExpiryDate is null && Quantity is null && UnitCost is null;
}

public sealed class StockAdjustmentInput
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public AdjustmentReason Reason { get; set; } = AdjustmentReason.Damage;

    [MaxLength(StockDocumentConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    public List<StockAdjustmentLineInput> Lines { get; set; } = [];
}

public sealed record StockAdjustmentLineDto(
    int LineNumber, string ProductCode, string ProductName, Guid WarehouseId, string WarehouseCode, string? LocationCode, string? BatchNumber,
    DateOnly? ExpiryDate, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit, decimal? UnitCost, decimal? PostedUnitCost, decimal? PostedValue);

public sealed record StockAdjustmentDto(StockDocumentHeaderDto Header, AdjustmentReason Reason, IReadOnlyList<StockAdjustmentLineDto> Lines)
{
    public StockAdjustmentInput ToInput() => new()
    {
        Version = Header.Version, Reason = Reason, Comment = Header.Comment,
        Lines = [.. Lines.Select(l => new StockAdjustmentLineInput
        {
            Product = l.ProductCode, WarehouseId = l.WarehouseId, Location = l.LocationCode, BatchNumber = l.BatchNumber,
            ExpiryDate = l.Quantity > 0m ? l.ExpiryDate : null, Quantity = l.Quantity.Plain(), Unit = l.Unit, UnitCost = l.UnitCost.Plain(),
        })],
    };
}

/// <summary>Adjustments with a reason (damage, loss, found, expiry write-off, other): drafts, posting, cancel. Needs the "Inventory" permission.</summary>
public interface IStockAdjustmentAppService
{
    Task<StockAdjustmentDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(StockAdjustmentInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, StockAdjustmentInput input, CancellationToken cancellationToken = default);
    Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
}
