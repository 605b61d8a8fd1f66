using ErpSaaS.Common;

namespace ErpSaaS.Analytics;

public sealed class ExceptionListQuery : PageRequest
{
    /// <summary>The tab shown; null shows the first kind that has exceptions.</summary>
    public ExceptionKind? Kind { get; set; }
}

/// <summary>
/// One exception: what it is about (<see cref="Reference"/>: a document number or a supplier, product or customer
/// code; <see cref="Name"/>), where its documents are (<see cref="Url"/>) and the figures that make it one:
/// <list type="bullet">
/// <item>price: <see cref="Actual"/> the line's price per base unit, <see cref="Baseline"/> the product's 90-day average, <see cref="Percent"/> how far above;</item>
/// <item>supplier late: late receipts of all receipts, the late rate;</item>
/// <item>return rates: returned of delivered quantity, the return rate;</item>
/// <item>approval: the step waiting (<see cref="Detail"/>) and its due time (<see cref="DueAt"/>);</item>
/// <item>stock: quantity and safety stock, or quantity, batch and expiry (<see cref="Date"/>).</item>
/// </list>
/// </summary>
public sealed record ExceptionDto(
    ExceptionKind Kind, string Reference, string? Name, string Url, decimal? Actual, decimal? Baseline, decimal? Percent, string? Detail,
    DateTimeOffset? DueAt = null, DateOnly? Date = null);

/// <summary>The thresholds the list was computed with (the company's settings).</summary>
public sealed record ExceptionThresholdsDto(
    int PeriodDays, decimal PriceIncreasePercent, decimal SupplierLateRatePercent, decimal ReturnRatePercent, decimal ReturnMinDeliveredQuantity, int ExpiryWarningDays);

public sealed record ExceptionListDto(
    DateOnly Today, ExceptionThresholdsDto Thresholds, IReadOnlyDictionary<ExceptionKind, int> Counts, ExceptionKind Kind, PagedResult<ExceptionDto> Items)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>The exceptions list (异常清单) of the current company. Needs the "Analytics.Exceptions.View" permission.</summary>
public interface IExceptionListAppService
{
    Task<ExceptionListDto> GetAsync(ExceptionListQuery query, CancellationToken cancellationToken = default);
}
