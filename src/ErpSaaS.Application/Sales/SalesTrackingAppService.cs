using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;

namespace ErpSaaS.Sales;

/// <summary>
/// The sales order tracking board: every unfinished order in its stage, with late deliveries, approvals past their
/// time limit and late covering supply marked. Orders come in set-based queries, their approvals in one more and
/// stock levels in one per warehouse; only a line short now is followed into its supply dates, exactly as the order
/// page does for its late-supply warning (<see cref="SalesStock.CoveredOnAsync"/>).
/// </summary>
public sealed class SalesTrackingAppService(
    IPermissionChecker permissions, IFeatureChecker features, ISalesTrackingQueries queries, IApprovalDeadlines approvals, IStockAvailability availability,
    SalesStock stock, SalesActors actors) : ISalesTrackingAppService
{
    private static readonly ApprovalDocumentType[] ApprovalTypes = [ApprovalDocumentType.SalesDiscount, ApprovalDocumentType.SalesOrderCredit];

    public async Task<SalesTrackingBoardDto> GetBoardAsync(SalesTrackingQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForScreen();
        var (today, rows) = await RowsAsync(query, cancellationToken);
        var counts = Enum.GetValues<SalesOrderStage>().ToDictionary(stage => stage, stage => rows.Count(r => r.Stage == stage));
        var shown = query.Stage is { } only ? rows.Where(r => r.Stage == only).ToList() : rows;
        var page = new PagedResult<SalesTrackingRowDto>([.. shown.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], shown.Count, query.Page, query.PageSize);
        return new SalesTrackingBoardDto(today, counts, rows.Count(r => r.IsOverdue), page);
    }

    public async Task<IReadOnlyList<SalesTrackingRowDto>> ExportAsync(SalesTrackingQuery query, CancellationToken cancellationToken = default)
    {
        var (_, rows) = await RowsAsync(query, cancellationToken);
        return query.Stage is { } only ? [.. rows.Where(r => r.Stage == only).Take(PageRequest.MaxExportRows)] : [.. rows.Take(PageRequest.MaxExportRows)];
    }

    private async Task<(DateOnly Today, List<SalesTrackingRowDto> Rows)> RowsAsync(SalesTrackingQuery query, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
        var today = (await actors.CurrentAsync(cancellationToken)).Today;
        DateOnly? from = null, to = null;
        if (query.IncludeFinished)
        {
            to = query.To ?? today;
            from = query.From ?? to.Value.AddDays(-(SalesTrackingQuery.DefaultFinishedDays - 1));
            if (from > to) (from, to) = (to, from);
        }
        var orders = await queries.GetOrdersAsync(query.CustomerId, from, to, cancellationToken);
        var pending = orders.Where(o => o.Status == SalesOrderStatus.PendingApproval).Select(o => o.Id).ToList();
        // An order waiting for discount and credit approval at once shows the step due first.
        var approvalOf = (await approvals.GetPendingAsync(ApprovalTypes, pending, cancellationToken))
            .GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.DueAt ?? DateTimeOffset.MaxValue).First());
        var supplyLate = await LateSupplyAsync(orders, today, cancellationToken);
        var rows = orders.Select(o =>
        {
            var approval = approvalOf.GetValueOrDefault(o.Id);
            var earliestOpen = o.OpenLines.Count == 0 ? (DateOnly?)null : o.OpenLines.Min(l => l.PromisedDate);
            var late = SalesOrderStages.IsDeliveryLate(o.Status, earliestOpen, today);
            DateOnly? supply = supplyLate.TryGetValue(o.Id, out var due) ? due : null;
            return new SalesTrackingRowDto(
                o.Id, o.Number, o.Status, SalesOrderStages.Of(o.Status, o.OpenReceivable, o.OpenLines.Sum(l => l.BackOrderedQuantity)), o.CustomerId, o.CustomerCode, o.CustomerName, o.WarehouseCode,
                o.OrderDate, earliestOpen ?? o.EarliestPromise, o.CurrencyCode, o.TotalAmount, o.Lines, o.OpenLines.Count, o.OrderedQuantity,
                o.OpenLines.Sum(l => l.OpenQuantity), o.OpenReceivable, late, late ? today.DayNumber - earliestOpen!.Value.DayNumber : 0,
                approval?.DueAt, approval?.IsOverdue ?? false, supply is not null, supply);
        });
        if (query.OverdueOnly) rows = rows.Where(r => r.IsOverdue);
        return (today, [.. rows.OrderBy(r => r.Stage).ThenBy(r => r.PromisedDate ?? DateOnly.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Orders not yet confirmed whose short line relies on supply due after its promised date, with that supply's day
    /// (the latest such day of the order). Stock comes in one query per warehouse; a line with enough stock now is done.
    /// </summary>
    private async Task<Dictionary<Guid, DateOnly>> LateSupplyAsync(IReadOnlyList<SalesTrackingOrderRow> orders, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, DateOnly>();
        foreach (var warehouse in orders.Where(o => SalesOrderStages.ChecksSupply(o.Status) && o.OpenLines.Count > 0).GroupBy(o => o.WarehouseId))
        {
            var levels = await availability.GetLevelsAsync([.. warehouse.SelectMany(o => o.OpenLines).Select(l => l.ProductId).Distinct()], warehouse.Key, cancellationToken);
            foreach (var order in warehouse)
            {
                foreach (var line in order.OpenLines)
                {
                    // Not yet confirmed, so nothing is reserved for the order itself.
                    var availableNow = levels.GetValueOrDefault(line.ProductId)?.Available ?? 0m;
                    if (line.OpenQuantity <= availableNow) continue;
                    var coveredOn = await stock.CoveredOnAsync(line.ProductId, warehouse.Key, line.OpenQuantity, availableNow, 0m, today, cancellationToken);
                    if (coveredOn is { } day && day > line.PromisedDate && (!result.TryGetValue(order.Id, out var known) || day > known)) result[order.Id] = day;
                }
            }
        }
        return result;
    }
}
