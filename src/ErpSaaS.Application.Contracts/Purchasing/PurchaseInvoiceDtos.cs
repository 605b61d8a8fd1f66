using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseInvoiceListQuery : PageRequest
{
    /// <summary>Part of the invoice's or the order's number, the supplier's reference or the supplier's name.</summary>
    public string? Search { get; set; }
    public PurchaseInvoiceStatus? Status { get; set; }
    public Guid? PurchaseOrderId { get; set; }

    /// <summary>Only invoices with something still to pay.</summary>
    public bool OpenOnly { get; set; }
}

public sealed record PurchaseInvoiceSummaryDto(
    Guid Id, string Number, PurchaseInvoiceStatus Status, Guid PurchaseOrderId, string OrderNumber, string SupplierName, string? SupplierReference,
    DateOnly InvoiceDate, string CurrencyCode, decimal TotalAmount, decimal PaidAmount, decimal OpenAmount, bool IsPriceMismatch);

public sealed record PurchaseInvoiceLineDto(
    int LineNumber, int OrderLineNumber, string ProductCode, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal OrderUnitPrice,
    decimal? PriceVariancePercent, decimal TaxRate, decimal NetAmount, decimal TaxAmount);

/// <summary>A payment on an invoice: only an approved one counts as paid; a rejected one carries the approver's reason.</summary>
public sealed record PurchasePaymentDto(
    Guid Id, string Number, decimal Amount, DateOnly PaidOn, PaymentMethod Method, string? Reference, string? UserName, PurchasePaymentStatus Status,
    string? RejectionReason)
{
    public bool IsPending => Status == PurchasePaymentStatus.PendingApproval;
    public bool IsRejected => Status == PurchasePaymentStatus.Rejected;
}

public sealed record PurchaseInvoiceDto(
    Guid Id, string Number, PurchaseInvoiceStatus Status, Guid PurchaseOrderId, string OrderNumber, string SupplierName, string? SupplierReference,
    DateOnly InvoiceDate, string CurrencyCode, string? Comment, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal PaidAmount,
    decimal OpenAmount, bool IsPriceMismatch, uint Version, DateTimeOffset CreatedAt, IReadOnlyList<PurchaseInvoiceLineDto> Lines,
    IReadOnlyList<PurchasePaymentDto> Payments, IReadOnlyList<PurchasingEventDto> Timeline)
{
    public bool IsDraft => Status == PurchaseInvoiceStatus.Draft;
    public bool IsPayable => Status == PurchaseInvoiceStatus.Approved;

    /// <summary>What payments waiting for approval will pay once approved (not counted in <see cref="PaidAmount"/>).</summary>
    public decimal PendingPaymentAmount => Payments.Where(p => p.IsPending).Sum(p => p.Amount);

    /// <summary>What a new payment may still pay: the open amount less the payments waiting for approval.</summary>
    public decimal PayableAmount => OpenAmount - PendingPaymentAmount;

    public PurchaseInvoiceInput ToInput() => new()
    {
        Version = Version, PurchaseOrderId = PurchaseOrderId, InvoiceDate = InvoiceDate, SupplierReference = SupplierReference, Comment = Comment,
        Lines = [.. Lines.Select(l => new PurchaseInvoiceLineInput { OrderLineNumber = l.OrderLineNumber, Quantity = l.Quantity, UnitPrice = l.UnitPrice })],
    };
}

public sealed class PurchaseInvoiceInput
{
    public Guid RequestId { get; set; }
    public uint Version { get; set; }
    public Guid? PurchaseOrderId { get; set; }
    public DateOnly? InvoiceDate { get; set; }

    [StringLength(PurchasingConsts.MaxReferenceLength)]
    public string? SupplierReference { get; set; }

    [StringLength(PurchasingConsts.MaxCommentLength)]
    public string? Comment { get; set; }

    public List<PurchaseInvoiceLineInput> Lines { get; set; } = [];
}

/// <summary>One order line billed: the quantity in the order line's unit and the supplier's unit price (empty = the order's).</summary>
public sealed class PurchaseInvoiceLineInput
{
    public int? OrderLineNumber { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }

    public bool IsBlank => (Quantity ?? 0m) == 0m;
}

public sealed class PurchasePaymentInput
{
    public uint Version { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? PaidOn { get; set; }
    public PaymentMethod Method { get; set; }

    [StringLength(PurchasingConsts.MaxReferenceLength)]
    public string? Reference { get; set; }
}

/// <summary>Where an order stands in money and goods: base units still to receive and to invoice, amounts invoiced, paid and to pay.</summary>
public sealed record PurchaseOrderBalanceDto(decimal ToReceive, decimal ToInvoice, decimal Invoiced, decimal Paid, decimal ToPay);

public interface IPurchaseInvoiceAppService
{
    Task<PagedResult<PurchaseInvoiceSummaryDto>> GetListAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PurchaseInvoiceSummaryDto>> ExportAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseInvoiceDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A new invoice's form for an order: one row per line with what was received and not yet invoiced, at the order's price.</summary>
    Task<PurchaseInvoiceInput> NewForOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(PurchaseInvoiceInput input, CancellationToken cancellationToken = default);
    Task UpdateAsync(Guid id, PurchaseInvoiceInput input, CancellationToken cancellationToken = default);

    /// <summary>Runs the three-way match: a match approves the invoice at once, a price mismatch holds it for approval.</summary>
    Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a payment; the payment flow may hold it for approval (the status says which), and only an approved
    /// payment counts as paid.
    /// </summary>
    Task<PurchasePaymentStatus> PayAsync(Guid id, PurchasePaymentInput input, CancellationToken cancellationToken = default);

    /// <summary>Corrects a rejected payment and submits it for approval again.</summary>
    Task<PurchasePaymentStatus> ResubmitPaymentAsync(Guid id, Guid paymentId, PurchasePaymentInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a rejected payment.</summary>
    Task DeletePaymentAsync(Guid id, Guid paymentId, PurchasingActionInput input, CancellationToken cancellationToken = default);
    Task<PurchaseOrderBalanceDto> GetOrderBalanceAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default);
}

public sealed class PurchaseReturnListQuery : PageRequest
{
    public string? Search { get; set; }
    public Guid? GoodsReceiptId { get; set; }
}

public sealed record PurchaseReturnSummaryDto(
    Guid Id, string Number, Guid GoodsReceiptId, string ReceiptNumber, string OrderNumber, string SupplierName, string WarehouseCode, DateOnly ReturnedOn,
    string Reason, decimal TotalValue);

public sealed record PurchaseReturnLineDto(int LineNumber, int ReceiptLineNumber, string ProductCode, string ProductName, string Unit, decimal Quantity,
    decimal BaseQuantity, decimal BaseUnitCost, decimal Value);

public sealed record PurchaseReturnDto(
    Guid Id, string Number, Guid GoodsReceiptId, string ReceiptNumber, Guid PurchaseOrderId, string OrderNumber, string SupplierName, string WarehouseCode,
    DateOnly ReturnedOn, string Reason, string? UserName, DateTimeOffset PostedAt, decimal TotalValue, IReadOnlyList<PurchaseReturnLineDto> Lines);

public sealed class PurchaseReturnInput
{
    public Guid RequestId { get; set; }
    public Guid? GoodsReceiptId { get; set; }

    [StringLength(PurchasingConsts.MaxReasonLength)]
    public string? Reason { get; set; }

    public List<PurchaseReturnLineInput> Lines { get; set; } = [];
}

public sealed class PurchaseReturnLineInput
{
    public int? ReceiptLineNumber { get; set; }
    public decimal? Quantity { get; set; }

    public bool IsBlank => (Quantity ?? 0m) == 0m;
}

public interface IPurchaseReturnAppService
{
    Task<PagedResult<PurchaseReturnSummaryDto>> GetListAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PurchaseReturnSummaryDto>> ExportAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default);
    Task<PurchaseReturnDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A new return's form for a posted receipt: one row per line with what may still be returned (quantities empty).</summary>
    Task<PurchaseReturnInput> NewForReceiptAsync(Guid goodsReceiptId, CancellationToken cancellationToken = default);

    /// <summary>Makes and posts the return: stock leaves the receiving warehouse, and the order has that much less to invoice.</summary>
    Task<Guid> CreateAsync(PurchaseReturnInput input, CancellationToken cancellationToken = default);
}

public sealed class SupplierPerformanceQuery : PageRequest
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Search { get; set; }
}

/// <summary>
/// One supplier's figures for a period (DOMAIN.md): on-time rate = receipts on or before the due date / all receipts;
/// quality pass rate = accepted / received quantity; price stability = the coefficient of variation of its unit prices
/// over the 90 days up to the end of the period (per product, averaged). Rates are percentages; null without data.
/// </summary>
public sealed record SupplierPerformanceDto(
    Guid SupplierId, string SupplierCode, string SupplierName, int Receipts, int OnTimeReceipts, decimal? OnTimeRatePercent, decimal ReceivedQuantity,
    decimal AcceptedQuantity, decimal? QualityPassRatePercent, int PricedLines, decimal? PriceVariationPercent);

public interface ISupplierPerformanceAppService
{
    /// <summary>Every supplier with receipts in the period or order lines in the 90 days before its end; defaults to the last 90 days.</summary>
    Task<IReadOnlyList<SupplierPerformanceDto>> GetAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>One page of the same, sorted by the chosen figure.</summary>
    Task<PagedResult<SupplierPerformanceDto>> GetListAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken = default);
}
