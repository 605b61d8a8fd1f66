namespace ErpSaaS.Auditing;

/// <summary>Who is acting in the current unit of work, for audit stamps. Filled by the web request or job.</summary>
public interface IAuditContext
{
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? ImpersonatorUserId { get; }
    Guid? AuditLogId { get; }
}

public sealed class AuditContext : IAuditContext
{
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public Guid? ImpersonatorUserId { get; set; }
    public Guid? AuditLogId { get; set; }
}

/// <summary>Marks entities whose changes are not worth an audit row (the audit trail itself, queues, counters).</summary>
public interface INotAudited;

/// <summary>Properties whose values must never be written to the audit trail (hashes, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditMaskedAttribute : Attribute;
