using System.Security.Claims;
using ErpSaaS.Settings;
using ErpSaaS.Web.Identity;

namespace ErpSaaS.Web.Shell;

/// <summary>Shows stored UTC times in the signed-in user's own time zone (from their profile).</summary>
public static class UserTime
{
    private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById(SettingDefinitions.TimeZones[0]);

    public static TimeZoneInfo ZoneOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ErpUserClaimsPrincipalFactory.TimeZoneClaim) is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : DefaultZone;

    public static DateTimeOffset ToUserTime(this ClaimsPrincipal user, DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, ZoneOf(user));
}
