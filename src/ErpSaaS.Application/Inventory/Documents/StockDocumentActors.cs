using ErpSaaS.Identity;
using ErpSaaS.Settings;

namespace ErpSaaS.Inventory.Documents;

/// <summary>The signed-in user and the moment of a change, with the company's calendar date (its time zone) for expiry dates.</summary>
public sealed class StockDocumentActors(ICurrentUser user, TimeProvider clock, ISettingStore settings)
{
    public async Task<StockDocumentActor> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        return new StockDocumentActor(user.Id, user.UserName, now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
    }
}
