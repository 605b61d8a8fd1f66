using ErpSaaS.Common;

namespace ErpSaaS.Auditing;

/// <summary>
/// Read side of the audit trail. With <c>allTenants</c> false the tenant filter decides what is visible; true lifts
/// it explicitly (host operator only: the application service checks the host permission first).
/// </summary>
public interface IAuditLogQueries
{
    Task<PagedResult<AuditLogDto>> GetAuditLogsAsync(AuditLogQuery query, bool allTenants, CancellationToken cancellationToken = default);
    Task<AuditLogDto?> FindAuditLogAsync(Guid id, bool allTenants, CancellationToken cancellationToken = default);
    Task<PagedResult<EntityChangeDto>> GetEntityChangesAsync(EntityChangeQuery query, bool allTenants, CancellationToken cancellationToken = default);

    /// <summary>The change and its raw property changes (JSON array of {property, old, new}).</summary>
    Task<(EntityChangeDto Change, string PropertyChangesJson)?> FindEntityChangeAsync(Guid id, bool allTenants, CancellationToken cancellationToken = default);
}
