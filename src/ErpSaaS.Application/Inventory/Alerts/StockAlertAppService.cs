using System.Globalization;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;

namespace ErpSaaS.Inventory.Alerts;

public sealed class StockAlertAppService(
    IPermissionChecker permissions, IFeatureChecker features, IStockAlertQueries queries, StockAlertClock alertClock,
    ISettingStore settings, IUnitOfWork unitOfWork) : IStockAlertAppService
{
    public async Task<StockAlertSummaryDto> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await CheckReadAsync(cancellationToken);
        var window = await alertClock.WindowAsync(cancellationToken: cancellationToken);
        var counts = await queries.CountAsync(window, cancellationToken);
        return new StockAlertSummaryDto(window.Today, counts, window.SlowMovingDays, window.ExpiryWarningDays);
    }

    public async Task<PagedResult<StockAlertDto>> GetListAsync(StockAlertListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckReadAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(query, await alertClock.WindowAsync(cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<StockAlertDto>> ExportAsync(StockAlertListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckReadAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(query, await alertClock.WindowAsync(cancellationToken: cancellationToken), cancellationToken)).Items;
    }

    public async Task UpdateSettingsAsync(StockAlertSettingsInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Settings.Manage, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
        CheckDays(input.SlowMovingDays, nameof(input.SlowMovingDays));
        CheckDays(input.ExpiryWarningDays, nameof(input.ExpiryWarningDays));
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await settings.SetAsync(StockAlertSettings.SlowMovingDays, input.SlowMovingDays.ToString(CultureInfo.InvariantCulture), ct);
            await settings.SetAsync(StockAlertSettings.ExpiryWarningDays, input.ExpiryWarningDays.ToString(CultureInfo.InvariantCulture), ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Days of a threshold or a report filter: whole days within the bounds a setting accepts.</summary>
    public static void CheckDays(int days, string field)
    {
        if (days is < StockAlertSettings.MinDays or > StockAlertSettings.MaxDays)
        {
            throw BusinessException.ForField(field, StockAlertErrorCodes.DaysInvalid, StockAlertSettings.MinDays, StockAlertSettings.MaxDays);
        }
    }

    private async Task CheckReadAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }
}
