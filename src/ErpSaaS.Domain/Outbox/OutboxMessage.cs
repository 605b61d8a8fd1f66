using ErpSaaS.Common;

namespace ErpSaaS.Outbox;

/// <summary>
/// A side effect (e-mail, webhook, notification) written in the business transaction and carried out
/// later by the dispatcher, inside the tenant that wrote it.
/// </summary>
public sealed class OutboxMessage : Entity, IMultiTenant, Auditing.INotAudited
{
    public const int MaxTypeLength = 128;
    public const int MaxAttempts = 8;

    private OutboxMessage() { }

    public OutboxMessage(string type, string payload, DateTimeOffset createdAt)
    {
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid? TenantId { get; private set; }
    public string Type { get; private set; } = null!;
    public string Payload { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public DateTimeOffset? DeadLetteredAt { get; private set; }
    public string? LastError { get; private set; }

    public OutboxMessageState State => ProcessedAt is not null ? OutboxMessageState.Processed
        : DeadLetteredAt is not null ? OutboxMessageState.DeadLettered
        : Attempts > 0 ? OutboxMessageState.Retrying : OutboxMessageState.Pending;

    public void MarkProcessed(DateTimeOffset at)
    {
        Attempts++;
        ProcessedAt = at;
        LastError = null;
    }

    /// <summary>Schedules a retry with exponential backoff and jitter, or dead-letters after the last attempt.</summary>
    public void MarkFailed(string error, DateTimeOffset at, double jitter)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            DeadLetteredAt = at;
            return;
        }
        var seconds = Math.Min(3600, Math.Pow(2, Attempts) * 5) * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1));
        NextAttemptAt = at.AddSeconds(seconds);
    }

    public void DeadLetter(string reason, DateTimeOffset at)
    {
        Attempts++;
        LastError = reason;
        DeadLetteredAt = at;
    }

    /// <summary>The operator gives a dead-lettered message another go.</summary>
    public void Requeue(DateTimeOffset at)
    {
        DeadLetteredAt = null;
        Attempts = 0;
        NextAttemptAt = at;
    }
}

public enum OutboxMessageState
{
    Pending = 0,
    Retrying = 1,
    Processed = 2,
    DeadLettered = 3,
}
