using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Inventory.Documents;

public sealed class OpeningBalanceLineInput : IStockLineInput
{
    /// <summary>Product code or barcode.</summary>
    public string? Product { get; set; }
    public Guid? WarehouseId { get; set; }

    /// <summary>Bin code inside the warehouse; empty for none.</summary>
    public string? Location { get; set; }
    public string? BatchNumber { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public decimal? Quantity { get; set; }

    /// <summary>Unit code; empty for the product's base unit.</summary>
    public string? Unit { get; set; }

    /// <summary>Cost of one <see cref="Unit"/>; empty for the product's standard cost.</summary>
    public decimal? UnitCost { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(BatchNumber)
                           && ExpiryDate is null && Quantity is null && UnitCost is null;
}

public sealed class OpeningBalanceInput
{
    /// <summary>The form's one-time token: submitting the same form twice creates one document.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The version the edit started from (ignored on create).</summary>
    public uint Version { get; set; }

    [MaxLength(StockDocumentConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    public List<OpeningBalanceLineInput> Lines { get; set; } = [];
}

public sealed record OpeningBalanceLineDto(
    int LineNumber, Guid ProductId, string ProductCode, string ProductName, Guid WarehouseId, string WarehouseCode, string? LocationCode,
    string? BatchNumber, DateOnly? ExpiryDate, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit, decimal UnitCost, decimal? PostedValue)
{
    public decimal Value => decimal.Round(Quantity * UnitCost, StockDocumentConsts.ValueScale, MidpointRounding.AwayFromZero);
}

public sealed record OpeningBalanceDto(StockDocumentHeaderDto Header, IReadOnlyList<OpeningBalanceLineDto> Lines)
{
    public OpeningBalanceInput ToInput() => new()
    {
        RequestId = Guid.Empty, Version = Header.Version, Comment = Header.Comment,
        Lines = [.. Lines.Select(l => new OpeningBalanceLineInput
        {
            Product = l.ProductCode, WarehouseId = l.WarehouseId, Location = l.LocationCode, BatchNumber = l.BatchNumber,
            ExpiryDate = l.ExpiryDate, Quantity = l.Quantity.Plain(), Unit = l.Unit, UnitCost = l.UnitCost.Plain(),
        })],
    };
}

/// <summary>Opening balances (期初库存): create and edit drafts, post to the ledger, cancel. Needs the "Inventory" permission.</summary>
public interface IOpeningBalanceAppService
{
    Task<OpeningBalanceDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Creates a draft; the same <see cref="OpeningBalanceInput.RequestId"/> again returns the first document's id.</summary>
    Task<Guid> CreateAsync(OpeningBalanceInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, OpeningBalanceInput input, CancellationToken cancellationToken = default);
    Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default);
}
