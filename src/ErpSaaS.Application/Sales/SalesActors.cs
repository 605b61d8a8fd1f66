using ErpSaaS.Identity;
using ErpSaaS.Settings;

namespace ErpSaaS.Sales;

/// <summary>The signed-in user (or an approver) and the moment of a change, with the company's calendar date then.</summary>
public sealed class SalesActors(ICurrentUser user, TimeProvider clock, ISettingStore settings)
{
    public Task<SalesActor> CurrentAsync(CancellationToken cancellationToken = default) => AtAsync(user.Id, user.UserName, clock.GetUtcNow(), cancellationToken);

    public async Task<SalesActor> AtAsync(Guid? userId, string? userName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        new(userId, userName, at, await CompanyDateAsync(at, cancellationToken));

    public async Task<DateOnly> CompanyDateAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    /// <summary>The first moment (UTC) of the company's current calendar month, and of the next.</summary>
    public async Task<(DateTimeOffset From, DateTimeOffset To)> CurrentMonthAsync(CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var start = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (new DateTimeOffset(start, zone.GetUtcOffset(start)), new DateTimeOffset(start.AddMonths(1), zone.GetUtcOffset(start.AddMonths(1))));
    }
}
