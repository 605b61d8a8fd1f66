using ErpSaaS.Common;

namespace ErpSaaS.Auditing;

/// <summary>One write request: who did what, from where, and what it changed.</summary>
public sealed class AuditLog : Entity, IMultiTenant, INotAudited
{
    private AuditLog() { }

    public AuditLog(Guid? userId, string? userName, Guid? impersonatorUserId, string? ipAddress, string httpMethod, string url, DateTimeOffset executedAt)
    {
        UserId = userId;
        UserName = userName;
        ImpersonatorUserId = impersonatorUserId;
        IpAddress = ipAddress;
        HttpMethod = httpMethod;
        Url = url;
        ExecutedAt = executedAt;
    }

    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? ImpersonatorUserId { get; private set; }
    public string? IpAddress { get; private set; }
    public string HttpMethod { get; private set; } = null!;
    public string Url { get; private set; } = null!;
    public DateTimeOffset ExecutedAt { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }

    public void Complete(int statusCode, int durationMs, string? error)
    {
        StatusCode = statusCode;
        DurationMs = durationMs;
        Error = error is { Length: > 2000 } ? error[..2000] : error;
    }
}

public enum EntityChangeType
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>One entity insert, update or delete, with each changed property's old and new value.</summary>
public sealed class EntityChange : Entity, IMultiTenant, INotAudited
{
    private EntityChange() { }

    public EntityChange(Guid? auditLogId, string entityType, string entityId, EntityChangeType changeType, string propertyChangesJson,
        Guid? userId, Guid? impersonatorUserId, DateTimeOffset changedAt)
    {
        AuditLogId = auditLogId;
        EntityType = entityType;
        EntityId = entityId;
        ChangeType = changeType;
        PropertyChanges = propertyChangesJson;
        UserId = userId;
        ImpersonatorUserId = impersonatorUserId;
        ChangedAt = changedAt;
    }

    public Guid? TenantId { get; private set; }
    public Guid? AuditLogId { get; private set; }
    public string EntityType { get; private set; } = null!;
    public string EntityId { get; private set; } = null!;
    public EntityChangeType ChangeType { get; private set; }

    /// <summary>JSON array of {property, old, new}.</summary>
    public string PropertyChanges { get; private set; } = null!;
    public Guid? UserId { get; private set; }
    public Guid? ImpersonatorUserId { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}
