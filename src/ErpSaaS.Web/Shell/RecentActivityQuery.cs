using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.Web.Shell;

/// <summary>One thing the user did, as the audit trail recorded it.</summary>
public sealed record ActivityEntry(DateTimeOffset ExecutedAt, string HttpMethod, string Url, int? StatusCode)
{
    public bool Failed => StatusCode >= 400;
}

/// <summary>The signed-in user's latest audited requests in the current tenant, for the top bar's "Recent activity".</summary>
public sealed class RecentActivityQuery(ErpDbContext db, ICurrentUser currentUser)
{
    public const int DefaultCount = 8;

    public async Task<IReadOnlyList<ActivityEntry>> GetAsync(int count = DefaultCount, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } userId) return [];
        return await db.AuditLogs.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.ExecutedAt)
            .Take(count)
            .Select(a => new ActivityEntry(a.ExecutedAt, a.HttpMethod, a.Url, a.StatusCode))
            .ToListAsync(cancellationToken);
    }
}
