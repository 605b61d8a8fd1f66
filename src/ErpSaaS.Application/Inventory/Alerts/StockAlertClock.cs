using ErpSaaS.Settings;

namespace ErpSaaS.Inventory.Alerts;

/// <summary>The company's today (in its time zone) and its alert thresholds, read from its settings.</summary>
public sealed class StockAlertClock(ISettingStore settings, TimeProvider clock)
{
    public async Task<StockAlertWindow> WindowAsync(int? slowMovingDays = null, int? expiryWarningDays = null, CancellationToken cancellationToken = default)
    {
        var all = await settings.GetAllAsync(cancellationToken);
        var timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(all[ErpSettings.TimeZone], out var zone) ? zone : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), timeZone).DateTime);
        return new StockAlertWindow(
            today,
            slowMovingDays ?? StockAlertSettings.DaysOf(all[StockAlertSettings.SlowMovingDays], StockAlertSettings.DefaultSlowMovingDays),
            expiryWarningDays ?? StockAlertSettings.DaysOf(all[StockAlertSettings.ExpiryWarningDays], StockAlertSettings.DefaultExpiryWarningDays),
            timeZone);
    }
}
