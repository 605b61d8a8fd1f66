using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Reports;

public sealed class InventoryReportAppService(
    IPermissionChecker permissions, IFeatureChecker features, IInventoryReportQueries queries, StockAlertClock alertClock) : IInventoryReportAppService
{
    public async Task<InventoryReport<StockValueRowDto>> GetStockValueAsync(StockValueQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await StockValueAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<StockValueRowDto>> ExportStockValueAsync(StockValueQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await StockValueAsync(query, cancellationToken)).Rows.Items;
    }

    public async Task<InventoryReport<SlowMovingRowDto>> GetSlowMovingAsync(SlowMovingQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetSlowMovingAsync(query, await WindowAsync(query.Days, null, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<SlowMovingRowDto>> ExportSlowMovingAsync(SlowMovingQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetSlowMovingAsync(query, await WindowAsync(query.Days, null, cancellationToken), cancellationToken)).Rows.Items;
    }

    public async Task<InventoryReport<ExpiringBatchRowDto>> GetExpiringBatchesAsync(ExpiringBatchQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetExpiringBatchesAsync(query, await WindowAsync(null, query.Days, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<ExpiringBatchRowDto>> ExportExpiringBatchesAsync(ExpiringBatchQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetExpiringBatchesAsync(query, await WindowAsync(null, query.Days, cancellationToken), cancellationToken)).Rows.Items;
    }

    /// <summary>"At a date" means at the end of that day in the company's time zone: everything posted before the next day began.</summary>
    private async Task<InventoryReport<StockValueRowDto>> StockValueAsync(StockValueQuery query, CancellationToken cancellationToken)
    {
        var window = await alertClock.WindowAsync(cancellationToken: cancellationToken);
        var asOf = query.Date ?? window.Today;
        if (asOf > window.Today) throw BusinessException.ForField(nameof(query.Date), InventoryErrorCodes.ValueDateInFuture);
        return await queries.GetStockValueAsync(query, asOf, window.StartOf(asOf.AddDays(1)), cancellationToken);
    }

    private Task<StockAlertWindow> WindowAsync(int? slowMovingDays, int? expiryWarningDays, CancellationToken cancellationToken)
    {
        if (slowMovingDays is { } slow) StockAlertAppService.CheckDays(slow, nameof(SlowMovingQuery.Days));
        if (expiryWarningDays is { } expiry) StockAlertAppService.CheckDays(expiry, nameof(ExpiringBatchQuery.Days));
        return alertClock.WindowAsync(slowMovingDays, expiryWarningDays, cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }
}
