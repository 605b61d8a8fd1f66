using ErpSaaS.Common;

namespace ErpSaaS.Auditing;

/// <summary>Whose audit trail a list reads: the current tenant's, or (host operator only, explicitly) every tenant's.</summary>
public enum AuditScope
{
    CurrentTenant = 0,
    AllTenants = 1,
}

public enum AuditOutcomeFilter
{
    All = 0,
    Succeeded = 1,
    Failed = 2,
}

public sealed class AuditLogQuery : PageRequest
{
    /// <summary>Part of the user name.</summary>
    public string? User { get; set; }
    public string? HttpMethod { get; set; }
    public AuditOutcomeFilter Outcome { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }

    /// <summary>Only with <see cref="AuditScope.AllTenants"/>.</summary>
    public Guid? TenantId { get; set; }
}

public sealed class EntityChangeQuery : PageRequest
{
    public string? User { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public Guid? AuditLogId { get; set; }
    public Guid? TenantId { get; set; }
}

public sealed record AuditLogDto(
    Guid Id, Guid? TenantId, string? TenantName, Guid? UserId, string? UserName, Guid? ImpersonatorUserId, string? IpAddress,
    string HttpMethod, string Url, DateTimeOffset ExecutedAt, int DurationMs, int? StatusCode, string? Error)
{
    public bool Failed => Error is not null || StatusCode >= 400;
}

public sealed record EntityChangeDto(
    Guid Id, Guid? TenantId, string? TenantName, Guid? AuditLogId, string EntityType, string EntityId, string ChangeType,
    Guid? UserId, string? UserName, DateTimeOffset ChangedAt);

public sealed record PropertyChangeDto(string Property, string? Old, string? New);

public sealed record EntityChangeDetailDto(EntityChangeDto Change, IReadOnlyList<PropertyChangeDto> Properties, AuditLogDto? Request);

public interface IAuditLogAppService
{
    Task<PagedResult<AuditLogDto>> GetAuditLogsAsync(AuditScope scope, AuditLogQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<AuditLogDto>> ExportAuditLogsAsync(AuditScope scope, AuditLogQuery query, CancellationToken cancellationToken = default);
    Task<PagedResult<EntityChangeDto>> GetEntityChangesAsync(AuditScope scope, EntityChangeQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<EntityChangeDto>> ExportEntityChangesAsync(AuditScope scope, EntityChangeQuery query, CancellationToken cancellationToken = default);
    Task<EntityChangeDetailDto> GetEntityChangeAsync(AuditScope scope, Guid id, CancellationToken cancellationToken = default);
}
