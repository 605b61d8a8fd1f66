namespace ErpSaaS.Billing;

public interface ISubscriptionLifecycleQueries
{
    /// <summary>Tenants whose trial, paid period or grace period has ended but whose status does not say so yet.</summary>
    Task<List<Guid>> TenantsDueForStatusChangeAsync(DateTimeOffset now, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>Trials ending after <paramref name="laterThanDays"/> and within <paramref name="daysBefore"/> days, not yet reminded of that end.</summary>
    Task<List<(Guid TenantId, DateTimeOffset TrialEndsAt)>> TrialsToRemindAsync(DateTimeOffset now, int daysBefore, int laterThanDays, CancellationToken cancellationToken = default);

    /// <summary>Whether this database already records the reminder (a company with its own database keeps its reminders there, beside their mails).</summary>
    Task<bool> ReminderSentAsync(Guid tenantId, string kind, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    void Add(SubscriptionReminder reminder);
}
