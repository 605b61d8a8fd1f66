using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Auditing;

/// <summary>
/// Who did what: requests that wrote and the entity changes they made. A tenant admin reads their own tenant's trail
/// (the tenant filter sees to it); the host operator reads every tenant's, by asking for <see cref="AuditScope.AllTenants"/>.
/// </summary>
public sealed class AuditLogAppService(IPermissionChecker permissions, IAuditLogQueries queries) : IAuditLogAppService
{
    public async Task<PagedResult<AuditLogDto>> GetAuditLogsAsync(AuditScope scope, AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(scope, cancellationToken);
        query.ClampForScreen();
        return await queries.GetAuditLogsAsync(query, scope == AuditScope.AllTenants, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditLogDto>> ExportAuditLogsAsync(AuditScope scope, AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(scope, cancellationToken);
        query.ClampForExport();
        return (await queries.GetAuditLogsAsync(query, scope == AuditScope.AllTenants, cancellationToken)).Items;
    }

    public async Task<PagedResult<EntityChangeDto>> GetEntityChangesAsync(AuditScope scope, EntityChangeQuery query, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(scope, cancellationToken);
        query.ClampForScreen();
        return await queries.GetEntityChangesAsync(query, scope == AuditScope.AllTenants, cancellationToken);
    }

    public async Task<IReadOnlyList<EntityChangeDto>> ExportEntityChangesAsync(AuditScope scope, EntityChangeQuery query, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(scope, cancellationToken);
        query.ClampForExport();
        return (await queries.GetEntityChangesAsync(query, scope == AuditScope.AllTenants, cancellationToken)).Items;
    }

    public async Task<EntityChangeDetailDto> GetEntityChangeAsync(AuditScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(scope, cancellationToken);
        var allTenants = scope == AuditScope.AllTenants;
        var (change, json) = await queries.FindEntityChangeAsync(id, allTenants, cancellationToken)
                             ?? throw new EntityNotFoundException(nameof(EntityChange), id);
        var request = change.AuditLogId is { } logId ? await queries.FindAuditLogAsync(logId, allTenants, cancellationToken) : null;
        return new EntityChangeDetailDto(change, ParseProperties(json), request);
    }

    private Task AuthorizeAsync(AuditScope scope, CancellationToken cancellationToken) =>
        permissions.CheckAsync(scope == AuditScope.AllTenants ? ErpPermissions.Host.AuditLogs : ErpPermissions.Auditing.AuditLogs, cancellationToken);

    private static List<PropertyChangeDto> ParseProperties(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(p => new PropertyChangeDto(p.GetProperty("property").GetString()!, Text(p, "old"), Text(p, "new")))
            .ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}
