using ErpSaaS.Features;
using ErpSaaS.Identity;

namespace ErpSaaS.Billing;

/// <summary>
/// A module's lines of "usage against the plan" on the billing page (users, warehouses, orders this month, ...).
/// Runs inside the tenant; <paramref name="features"/> are the tenant's effective feature values.
/// </summary>
public interface IUsageContributor
{
    int Order { get; }

    Task<IReadOnlyList<UsageRowDto>> GetUsageAsync(IReadOnlyDictionary<string, string> features, CancellationToken cancellationToken);
}

/// <summary>Active users against the plan's user limit.</summary>
public sealed class UsersUsageContributor(IUserQueries users) : IUsageContributor
{
    public int Order => 10;

    public async Task<IReadOnlyList<UsageRowDto>> GetUsageAsync(IReadOnlyDictionary<string, string> features, CancellationToken cancellationToken) =>
        [new UsageRowDto("Billing:Usage:Users", await users.CountActiveAsync(cancellationToken), UsageLimits.Of(features, ErpFeatures.MaxUsers))];
}

public static class UsageLimits
{
    public static int? Of(IReadOnlyDictionary<string, string> features, string limit) =>
        features.TryGetValue(limit, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
}
