using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseOrderListQuery : PageRequest
{
    /// <summary>Part of the number, the supplier's code or name, or the comment.</summary>
    public string? Search { get; set; }
    public PurchaseOrderStatus? Status { get; set; }
    public Guid? SupplierId { get; set; }

    /// <summary>Only approved orders goods may still be received against (approved, sent, partially received).</summary>
    public bool ReceivableOnly { get; set; }
}

public sealed record PurchaseOrderSummaryDto(
    Guid Id, string Number, PurchaseOrderStatus Status, string SupplierCode, string SupplierName, string WarehouseCode, DateOnly OrderDate,
    string CurrencyCode, decimal TotalAmount, DateTimeOffset CreatedAt);

/// <summary>One step of a purchasing document's timeline; <see cref="Status"/> is the status enum's name.</summary>
public sealed record PurchasingEventDto(string Status, DateTimeOffset At, string? UserName, string? Comment);

public sealed record PurchaseOrderLineDto(
    int LineNumber, Guid ProductId, string ProductCode, string ProductName, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal UnitPrice, Guid? TaxRateId, decimal TaxRate, decimal NetAmount, decimal TaxAmount, DateOnly ExpectedDate, DateOnly? ConfirmedDate,
    decimal ReceivedQuantity, decimal OpenQuantity, decimal InvoicedQuantity)
{
    public decimal GrossAmount => NetAmount + TaxAmount;
}

public sealed record PurchaseOrderDto(
    Guid Id, string Number, PurchaseOrderStatus Status, Guid SupplierId, string SupplierCode, string SupplierName, Guid WarehouseId, string WarehouseCode,
    string WarehouseName, string CurrencyCode, DateOnly OrderDate, DateOnly? ConfirmedDate, string? Comment, decimal NetAmount, decimal TaxAmount,
    decimal TotalAmount, uint Version, DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt,
    IReadOnlyList<PurchaseOrderLineDto> Lines, IReadOnlyList<PurchasingEventDto> Timeline)
{
    public bool IsDraft => Status == PurchaseOrderStatus.Draft;
    public bool IsOpen => Status is PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent or PurchaseOrderStatus.PartiallyReceived;

    /// <summary>The approved order this one replaces, and the draft that replaced this one, when amended.</summary>
    public PurchaseOrderLinkDto? Amends { get; init; }
    public PurchaseOrderLinkDto? AmendedBy { get; init; }

    /// <summary>Approved and nothing received yet: changed by amending (cancel and a draft copy), never in place.</summary>
    public bool IsAmendable => Status is PurchaseOrderStatus.Approved or PurchaseOrderStatus.Sent;

    public PurchaseOrderInput ToInput() => new()
    {
        Version = Version, SupplierId = SupplierId, WarehouseId = WarehouseId, Comment = Comment,
        Lines = [.. Lines.Select(l => new PurchaseOrderLineInput
        {
            Product = l.ProductCode, Quantity = l.Quantity, Unit = l.Unit, UnitPrice = l.UnitPrice, TaxRateId = l.TaxRateId, ExpectedDate = l.ExpectedDate,
        })],
    };
}

public sealed record PurchaseOrderLinkDto(Guid Id, string Number);

public sealed class PurchaseOrderInput
{
    /// <summary>The create form's one-time token: a second submit finds the order the first one made.</summary>
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public Guid? SupplierId { get; set; }
    public Guid? WarehouseId { get; set; }

    [StringLength(PurchasingConsts.MaxCommentLength)]
    public string? Comment { get; set; }
    public List<PurchaseOrderLineInput> Lines { get; set; } = [];
}

/// <summary>An order line as typed; an empty unit price, tax rate or expected date takes the line's default.</summary>
public sealed class PurchaseOrderLineInput
{
    public string? Product { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public decimal? UnitPrice { get; set; }
    public Guid? TaxRateId { get; set; }
    public DateOnly? ExpectedDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Product) && Quantity is null && UnitPrice is null;
}

/// <summary>A status change from a document page: the version shown, and a reason where the change needs one.</summary>
public sealed class PurchasingActionInput
{
    public uint Version { get; set; }

    [StringLength(PurchasingConsts.MaxReasonLength)]
    public string? Reason { get; set; }
}

public sealed class ConfirmDateInput
{
    public uint Version { get; set; }
    public DateOnly? ConfirmedDate { get; set; }

    /// <summary>The line the date is for; empty = the whole order.</summary>
    public int? LineNumber { get; set; }
}

public sealed record PurchasingOptionDto(Guid Id, string Code, string Name);

public sealed record PurchasingWarehouseDto(Guid Id, string Code, string Name, bool IsQuarantine);

public sealed record PurchasingTaxRateDto(Guid Id, string Code, string Name, decimal Rate);

/// <summary>What the purchasing forms offer: active suppliers, warehouses (quarantine ones flagged) and tax rates.</summary>
public sealed record PurchasingOptionsDto(
    IReadOnlyList<PurchasingOptionDto> Suppliers, IReadOnlyList<PurchasingWarehouseDto> Warehouses, IReadOnlyList<PurchasingTaxRateDto> TaxRates);

public interface IPurchaseOrderAppService
{
    Task<PagedResult<PurchaseOrderSummaryDto>> GetListAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PurchaseOrderSummaryDto>> ExportAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseOrderDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(PurchaseOrderInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, PurchaseOrderInput input, CancellationToken cancellationToken = default);

    /// <summary>Submits the draft for approval; approved at once when no approval step applies.</summary>
    Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task MarkSentAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task ConfirmDateAsync(Guid id, ConfirmDateInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task CloseAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);

    /// <summary>Cancels an approved order with the reason and returns the id of its draft copy, to change and submit again.</summary>
    Task<Guid> AmendAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
}
