using ErpSaaS.Common;

namespace ErpSaaS.Sales;

/// <summary>The sales order tracking board's filter: by default every order not finished yet.</summary>
public sealed class SalesTrackingQuery : PageRequest
{
    /// <summary>How far back finished orders are listed when no period is chosen.</summary>
    public const int DefaultFinishedDays = 90;

    public Guid? CustomerId { get; set; }

    /// <summary>One stage; null lists every stage (the counts always cover every stage).</summary>
    public SalesOrderStage? Stage { get; set; }

    /// <summary>Only orders late for delivery, past their approval time limit, or relying on supply due after the promised date.</summary>
    public bool OverdueOnly { get; set; }

    /// <summary>Also finished orders (cancelled, completed and paid) dated from <see cref="From"/> to <see cref="To"/> (the last <see cref="DefaultFinishedDays"/> days unless chosen).</summary>
    public bool IncludeFinished { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>
/// One order on the board. <see cref="PromisedDate"/>: the earliest promised date of the lines still to deliver (of all
/// lines once nothing is open); quantities are in base units; <see cref="OpenReceivable"/>: what its invoices still
/// wait for. <see cref="SupplyLate"/>: a short line relies on supply due after its promised date (the order page's
/// late-supply warning), due on <see cref="SupplyDueOn"/>.
/// </summary>
public sealed record SalesTrackingRowDto(
    Guid Id, string Number, SalesOrderStatus Status, SalesOrderStage Stage, Guid CustomerId, string CustomerCode, string CustomerName,
    string WarehouseCode, DateOnly OrderDate, DateOnly? PromisedDate, string CurrencyCode, decimal TotalAmount,
    int Lines, int OpenLines, decimal OrderedQuantity, decimal OpenQuantity, decimal OpenReceivable,
    bool DeliveryLate, int DaysLate, DateTimeOffset? ApprovalDueAt, bool ApprovalOverdue, bool SupplyLate, DateOnly? SupplyDueOn)
{
    public bool IsOverdue => DeliveryLate || ApprovalOverdue || SupplyLate;
}

public sealed record SalesTrackingBoardDto(
    DateOnly Today, IReadOnlyDictionary<SalesOrderStage, int> Counts, int OverdueCount, PagedResult<SalesTrackingRowDto> Rows);

/// <summary>The sales order tracking board (销售跟踪). Needs the "Sales" permission.</summary>
public interface ISalesTrackingAppService
{
    Task<SalesTrackingBoardDto> GetBoardAsync(SalesTrackingQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SalesTrackingRowDto>> ExportAsync(SalesTrackingQuery query, CancellationToken cancellationToken = default);
}
