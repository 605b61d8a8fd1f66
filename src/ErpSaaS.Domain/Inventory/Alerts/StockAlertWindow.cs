namespace ErpSaaS.Inventory.Alerts;

/// <summary>
/// The day alerts are computed for, in the company's time zone, and the cut-offs its settings give: stock that has
/// had no outgoing movement since before <see cref="IdleSince"/> is slow; a batch expiring on or before
/// <see cref="ExpiresBy"/> is expiring.
/// </summary>
public sealed record StockAlertWindow(DateOnly Today, int SlowMovingDays, int ExpiryWarningDays, TimeZoneInfo TimeZone)
{
    /// <summary>Start of the day <see cref="SlowMovingDays"/> days ago (company time), as UTC: idle before this = slow.</summary>
    public DateTimeOffset IdleSince => StartOf(Today.AddDays(-SlowMovingDays));

    public DateOnly ExpiresBy => Today.AddDays(ExpiryWarningDays);

    /// <summary>The first instant of <paramref name="day"/> in the company's time zone, as UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day) => StartOf(day, TimeZone);

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, timeZone), TimeSpan.Zero);
    }

    /// <summary>Whole days from the company's day of <paramref name="since"/> to <see cref="Today"/>.</summary>
    public int DaysSince(DateTimeOffset since) =>
        Today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since, TimeZone).DateTime).DayNumber;
}
