using ErpSaaS.Identity;
using ErpSaaS.Settings;

namespace ErpSaaS.Approvals;

/// <summary>The signed-in user acting now, and the company's calendar date (its time zone) that absences are kept in.</summary>
public sealed class ApprovalClock(ICurrentUser user, TimeProvider clock, ISettingStore settings)
{
    public ApprovalActor Actor() => new(user.Id, user.UserName, clock.GetUtcNow());

    /// <summary>The signed-in user; approvals are always someone's.</summary>
    public Guid UserId => user.Id ?? throw new Common.AuthorizationException();

    public bool IsSignedIn => user.Id is not null;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await settings.GetAsync(ErpSettings.TimeZone, cancellationToken));
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
