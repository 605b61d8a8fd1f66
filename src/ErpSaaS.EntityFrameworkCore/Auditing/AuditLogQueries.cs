using System.Linq.Expressions;
using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Auditing;

/// <summary>
/// The audit trail's read side. Tenant-side reads rely on the tenant filter; host reads across tenants lift it
/// explicitly for the one query (<see cref="ErpDbContext.DisableTenantFilter"/>) and show each row's tenant.
/// </summary>
internal sealed class AuditLogQueries(ErpDbContext db) : IAuditLogQueries
{
    private static readonly SortMap<AuditLog> LogSorts = new SortMap<AuditLog>("executedAt", true, l => l.Id)
        .Add("executedAt", l => l.ExecutedAt)
        .Add("userName", l => l.UserName)
        .Add("httpMethod", l => l.HttpMethod)
        .Add("url", l => l.Url)
        .Add("statusCode", l => l.StatusCode)
        .Add("durationMs", l => l.DurationMs)
        .Add("tenantId", l => l.TenantId);

    private static readonly SortMap<EntityChange> ChangeSorts = new SortMap<EntityChange>("changedAt", true, c => c.Id)
        .Add("changedAt", c => c.ChangedAt)
        .Add("entityType", c => c.EntityType)
        .Add("entityId", c => c.EntityId)
        .Add("changeType", c => c.ChangeType)
        .Add("tenantId", c => c.TenantId);

    private Expression<Func<AuditLog, AuditLogDto>> LogProjection => l => new AuditLogDto(
        l.Id, l.TenantId, db.Tenants.Where(t => t.Id == l.TenantId).Select(t => t.Name).FirstOrDefault(), l.UserId, l.UserName,
        l.ImpersonatorUserId, l.IpAddress, l.HttpMethod, l.Url, l.ExecutedAt, l.DurationMs, l.StatusCode, l.Error);

    private Expression<Func<EntityChange, EntityChangeDto>> ChangeProjection => c => new EntityChangeDto(
        c.Id, c.TenantId, db.Tenants.Where(t => t.Id == c.TenantId).Select(t => t.Name).FirstOrDefault(), c.AuditLogId,
        c.EntityType, c.EntityId, c.ChangeType.ToString(), c.UserId,
        db.Users.Where(u => u.Id == c.UserId).Select(u => u.UserName).FirstOrDefault(), c.ChangedAt);

    public async Task<PagedResult<AuditLogDto>> GetAuditLogsAsync(AuditLogQuery query, bool allTenants, CancellationToken cancellationToken = default)
    {
        using var lifted = allTenants ? db.DisableTenantFilter() : null;
        var logs = db.AuditLogs.AsNoTracking();
        if (allTenants && query.TenantId is { } tenantId) logs = logs.Where(l => l.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var pattern = Paging.Contains(query.User);
            logs = logs.Where(l => l.UserName != null && EF.Functions.ILike(l.UserName, pattern));
        }
        if (!string.IsNullOrWhiteSpace(query.HttpMethod))
        {
            var method = query.HttpMethod.Trim().ToUpperInvariant();
            logs = logs.Where(l => l.HttpMethod == method);
        }
        logs = query.Outcome switch
        {
            AuditOutcomeFilter.Succeeded => logs.Where(l => l.Error == null && (l.StatusCode == null || l.StatusCode < 400)),
            AuditOutcomeFilter.Failed => logs.Where(l => l.Error != null || l.StatusCode >= 400),
            _ => logs,
        };
        if (Paging.Utc(query.From) is { } from) logs = logs.Where(l => l.ExecutedAt >= from);
        if (Paging.Utc(query.To) is { } to) logs = logs.Where(l => l.ExecutedAt < to);
        return await LogSorts.Apply(logs, query.Sort, query.Desc).ToPageAsync(query, LogProjection, cancellationToken);
    }

    public async Task<AuditLogDto?> FindAuditLogAsync(Guid id, bool allTenants, CancellationToken cancellationToken = default)
    {
        using var lifted = allTenants ? db.DisableTenantFilter() : null;
        return await db.AuditLogs.AsNoTracking().Where(l => l.Id == id).Select(LogProjection).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PagedResult<EntityChangeDto>> GetEntityChangesAsync(EntityChangeQuery query, bool allTenants, CancellationToken cancellationToken = default)
    {
        using var lifted = allTenants ? db.DisableTenantFilter() : null;
        var changes = db.EntityChanges.AsNoTracking();
        if (allTenants && query.TenantId is { } tenantId) changes = changes.Where(c => c.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var pattern = Paging.Contains(query.User);
            changes = changes.Where(c => db.Users.Any(u => u.Id == c.UserId && EF.Functions.ILike(u.UserName!, pattern)));
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var entityType = query.EntityType.Trim();
            changes = changes.Where(c => c.EntityType == entityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var entityId = query.EntityId.Trim();
            changes = changes.Where(c => c.EntityId == entityId);
        }
        if (query.AuditLogId is { } logId) changes = changes.Where(c => c.AuditLogId == logId);
        if (Paging.Utc(query.From) is { } from) changes = changes.Where(c => c.ChangedAt >= from);
        if (Paging.Utc(query.To) is { } to) changes = changes.Where(c => c.ChangedAt < to);
        return await ChangeSorts.Apply(changes, query.Sort, query.Desc).ToPageAsync(query, ChangeProjection, cancellationToken);
    }

    public async Task<(EntityChangeDto Change, string PropertyChangesJson)?> FindEntityChangeAsync(Guid id, bool allTenants, CancellationToken cancellationToken = default)
    {
        using var lifted = allTenants ? db.DisableTenantFilter() : null;
        var rows = db.EntityChanges.AsNoTracking().Where(c => c.Id == id);
        var change = await rows.Select(ChangeProjection).FirstOrDefaultAsync(cancellationToken);
        if (change is null) return null;
        return (change, await rows.Select(c => c.PropertyChanges).FirstAsync(cancellationToken));
    }
}
