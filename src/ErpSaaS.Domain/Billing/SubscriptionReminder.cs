using ErpSaaS.Common;

namespace ErpSaaS.Billing;

/// <summary>
/// That a reminder about the end of a trial went out: one row per tenant, kind and the end it was about, so each
/// reminder is sent exactly once, and a trial extended to a new end is reminded again.
/// </summary>
public sealed class SubscriptionReminder : Entity
{
    public const int MaxKindLength = 32;

    private SubscriptionReminder() { }

    public SubscriptionReminder(Guid tenantId, string kind, DateTimeOffset dueAt, DateTimeOffset sentAt)
    {
        TenantId = tenantId;
        Kind = kind;
        DueAt = dueAt;
        SentAt = sentAt;
    }

    // Host table like subscriptions: written by the lifecycle job.
    public Guid TenantId { get; private set; }
    public string Kind { get; private set; } = null!;
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>"trial-3d": the reminder <paramref name="daysBefore"/> days before the trial ends.</summary>
    public static string TrialKind(int daysBefore) => $"trial-{daysBefore}d";
}
