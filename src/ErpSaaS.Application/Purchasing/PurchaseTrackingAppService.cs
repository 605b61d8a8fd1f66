using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Purchasing;

/// <summary>
/// The purchase order tracking board: every unfinished order in its stage, with late goods and approvals past their
/// time limit marked. The orders come in a few set-based queries and the approvals of all of them in one more.
/// </summary>
public sealed class PurchaseTrackingAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchaseTrackingQueries queries, IApprovalDeadlines approvals, PurchasingActors actors)
    : IPurchaseTrackingAppService
{
    public async Task<PurchaseTrackingBoardDto> GetBoardAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForScreen();
        var (today, rows) = await RowsAsync(query, cancellationToken);
        var counts = Enum.GetValues<PurchaseOrderStage>().ToDictionary(stage => stage, stage => rows.Count(r => r.Stage == stage));
        var shown = query.Stage is { } only ? rows.Where(r => r.Stage == only).ToList() : rows;
        var page = new PagedResult<PurchaseTrackingRowDto>([.. shown.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], shown.Count, query.Page, query.PageSize);
        return new PurchaseTrackingBoardDto(today, counts, rows.Count(r => r.IsOverdue), page);
    }

    public async Task<IReadOnlyList<PurchaseTrackingRowDto>> ExportAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken = default)
    {
        var (_, rows) = await RowsAsync(query, cancellationToken);
        return query.Stage is { } only ? [.. rows.Where(r => r.Stage == only).Take(PageRequest.MaxExportRows)] : [.. rows.Take(PageRequest.MaxExportRows)];
    }

    /// <summary>Every order of the filter but the stage, in board order: stage, then due date, then number.</summary>
    private async Task<(DateOnly Today, List<PurchaseTrackingRowDto> Rows)> RowsAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
        var today = (await actors.CurrentAsync(cancellationToken)).Today;
        DateOnly? from = null, to = null;
        if (query.IncludeFinished)
        {
            to = query.To ?? today;
            from = query.From ?? to.Value.AddDays(-(PurchaseTrackingQuery.DefaultFinishedDays - 1));
            if (from > to) (from, to) = (to, from);
        }
        var orders = await queries.GetOrdersAsync(query.SupplierId, query.WarehouseId, from, to, cancellationToken);
        var pending = orders.Where(o => o.Status == PurchaseOrderStatus.PendingApproval).Select(o => o.Id).ToList();
        var approvalOf = (await approvals.GetPendingAsync([ApprovalDocumentType.PurchaseOrder], pending, cancellationToken))
            .GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => g.First());
        var rows = orders.Select(o =>
        {
            var approval = approvalOf.GetValueOrDefault(o.Id);
            var late = PurchaseOrderStages.IsReceiptLate(o.Status, o.EarliestOpenDue, today);
            return new PurchaseTrackingRowDto(
                o.Id, o.Number, o.Status, PurchaseOrderStages.Of(o.Status, o.DateConfirmed, o.OpenPayable), o.SupplierId, o.SupplierCode, o.SupplierName,
                o.WarehouseCode, o.OrderDate, o.EarliestOpenDue ?? o.EarliestDue, o.DateConfirmed, o.CurrencyCode, o.TotalAmount, o.Lines, o.OpenLines,
                o.OrderedQuantity, o.OpenQuantity, o.OpenPayable, late, late ? today.DayNumber - o.EarliestOpenDue!.Value.DayNumber : 0,
                approval?.DueAt, approval?.IsOverdue ?? false);
        });
        if (query.OverdueOnly) rows = rows.Where(r => r.IsOverdue);
        return (today, [.. rows.OrderBy(r => r.Stage).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal)]);
    }
}
