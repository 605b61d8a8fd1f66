using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

/// <summary>The purchase order tracking board's filter: by default every order not finished yet.</summary>
public sealed class PurchaseTrackingQuery : PageRequest
{
    /// <summary>How far back finished orders are listed when no period is chosen.</summary>
    public const int DefaultFinishedDays = 90;

    public Guid? SupplierId { get; set; }
    public Guid? WarehouseId { get; set; }

    /// <summary>One stage; null lists every stage (the counts always cover every stage).</summary>
    public PurchaseOrderStage? Stage { get; set; }

    /// <summary>Only orders whose goods are late or whose approval is past its time limit.</summary>
    public bool OverdueOnly { get; set; }

    /// <summary>Also finished orders (cancelled, closed, completed and paid) dated from <see cref="From"/> to <see cref="To"/> (the last <see cref="DefaultFinishedDays"/> days unless chosen).</summary>
    public bool IncludeFinished { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>
/// One order on the board. <see cref="DueOn"/>: the earliest due date of the lines still to receive (of all lines once
/// nothing is open); quantities are in base units; <see cref="OpenPayable"/>: what its invoices still owe.
/// </summary>
public sealed record PurchaseTrackingRowDto(
    Guid Id, string Number, PurchaseOrderStatus Status, PurchaseOrderStage Stage, Guid SupplierId, string SupplierCode, string SupplierName,
    string WarehouseCode, DateOnly OrderDate, DateOnly? DueOn, bool DateConfirmed, string CurrencyCode, decimal TotalAmount,
    int Lines, int OpenLines, decimal OrderedQuantity, decimal OpenQuantity, decimal OpenPayable,
    bool ReceiptLate, int DaysLate, DateTimeOffset? ApprovalDueAt, bool ApprovalOverdue)
{
    public bool IsOverdue => ReceiptLate || ApprovalOverdue;
}

/// <summary>The board: today's date, how many orders each stage holds for the filter, how many are overdue, and one page of rows.</summary>
public sealed record PurchaseTrackingBoardDto(
    DateOnly Today, IReadOnlyDictionary<PurchaseOrderStage, int> Counts, int OverdueCount, PagedResult<PurchaseTrackingRowDto> Rows);

/// <summary>The purchase order tracking board (采购跟踪). Needs the "Purchasing" permission.</summary>
public interface IPurchaseTrackingAppService
{
    Task<PurchaseTrackingBoardDto> GetBoardAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PurchaseTrackingRowDto>> ExportAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken = default);
}
