using ErpSaaS.Features;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Reports;

public sealed class InventoryReportAppService(
    IPermissionChecker permissions, IFeatureChecker features, IInventoryReportQueries queries, StockAlertClock alertClock) : IInventoryReportAppService
{
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
