using ErpSaaS.Billing;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Billing;

/// <summary>Set-based selections of the subscription lifecycle job (host side, across all tenants).</summary>
internal sealed class SubscriptionLifecycleQueries(ErpDbContext db) : ISubscriptionLifecycleQueries
{
    public async Task<List<Guid>> TenantsDueForStatusChangeAsync(DateTimeOffset now, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        var graceStartedBefore = now - gracePeriod;
        using var all = db.DisableTenantFilter();
        return await (
            from s in db.Subscriptions.AsNoTracking()
            join t in db.Tenants.AsNoTracking() on s.TenantId equals t.Id
            where t.Status != TenantStatus.Suspended && t.Status != TenantStatus.ReadOnly
                  && ((s.Status == SubscriptionStatus.Trialing && s.TrialEndsAt <= now)
                      || (s.Status == SubscriptionStatus.Active && s.CurrentPeriodEnd <= now
                          && (t.Status != TenantStatus.PastDue || s.CancelAtPeriodEnd || s.CurrentPeriodEnd <= graceStartedBefore))
                      || (s.Status == SubscriptionStatus.PastDue && (t.Status != TenantStatus.PastDue || s.PastDueSince <= graceStartedBefore))
                      || s.Status == SubscriptionStatus.Canceled)
            select t.Id).ToListAsync(cancellationToken);
    }

    public async Task<List<(Guid TenantId, DateTimeOffset TrialEndsAt)>> TrialsToRemindAsync(
        DateTimeOffset now, int daysBefore, int laterThanDays, CancellationToken cancellationToken = default)
    {
        var kind = SubscriptionReminder.TrialKind(daysBefore);
        var until = now.AddDays(daysBefore);
        var after = now.AddDays(laterThanDays);
        using var all = db.DisableTenantFilter();
        var rows = await (
            from s in db.Subscriptions.AsNoTracking()
            join t in db.Tenants.AsNoTracking() on s.TenantId equals t.Id
            where s.Status == SubscriptionStatus.Trialing && t.Status == TenantStatus.Trialing
                  && s.TrialEndsAt > after && s.TrialEndsAt <= until
                  && !db.SubscriptionReminders.Any(r => r.TenantId == s.TenantId && r.Kind == kind && r.DueAt == s.TrialEndsAt)
            select new { s.TenantId, TrialEndsAt = s.TrialEndsAt!.Value }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.TenantId, r.TrialEndsAt)).ToList();
    }

    public Task<bool> ReminderSentAsync(Guid tenantId, string kind, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        db.SubscriptionReminders.AnyAsync(r => r.TenantId == tenantId && r.Kind == kind && r.DueAt == dueAt, cancellationToken);

    public void Add(SubscriptionReminder reminder) => db.SubscriptionReminders.Add(reminder);
}
