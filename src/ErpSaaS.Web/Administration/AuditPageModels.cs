using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Administration;

/// <summary>
/// The audit trail list, shared by the tenant page (/app/audit, its own tenant) and the operator's (/host/audit,
/// every tenant, with a tenant column). Two tabs: write requests and entity changes; dates are whole UTC days.
/// </summary>
public abstract class AuditIndexPageModel(IAuditLogAppService audit, TimeProvider clock) : AdminPageModel
{
    public abstract AuditScope Scope { get; }
    public bool ShowTenant => Scope == AuditScope.AllTenants;

    [FromQuery(Name = "view")]
    public string? View { get; set; }

    [FromQuery(Name = "fromDate")]
    public DateOnly? FromDate { get; set; }

    [FromQuery(Name = "toDate")]
    public DateOnly? ToDate { get; set; }

    public bool ShowsChanges => string.Equals(View, "changes", StringComparison.OrdinalIgnoreCase);
    public AuditLogQuery LogQuery { get; private set; } = new();
    public EntityChangeQuery ChangeQuery { get; private set; } = new();
    public PagedResult<AuditLogDto>? Logs { get; private set; }
    public PagedResult<EntityChangeDto>? Changes { get; private set; }

    public async Task OnGetAsync([FromQuery] AuditLogQuery logQuery, [FromQuery] EntityChangeQuery changeQuery, CancellationToken cancellationToken)
    {
        (LogQuery, ChangeQuery) = (WithDates(logQuery), WithDates(changeQuery));
        if (ShowsChanges) Changes = await audit.GetEntityChangesAsync(Scope, ChangeQuery, cancellationToken);
        else Logs = await audit.GetAuditLogsAsync(Scope, LogQuery, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] AuditLogQuery logQuery, [FromQuery] EntityChangeQuery changeQuery,
        [FromQuery(Name = ListExport.FormatParameter)] string? format, CancellationToken cancellationToken)
    {
        var name = ShowTenant ? "host-audit" : "audit";
        var fileFormat = ListExport.ParseFormat(format);
        if (ShowsChanges)
        {
            return ListExport.File(fileFormat, name + "-changes", clock.GetUtcNow(), await audit.ExportEntityChangesAsync(Scope, WithDates(changeQuery), cancellationToken),
                new ExportColumn<EntityChangeDto>(L["Audit:Time"], c => c.ChangedAt),
                new ExportColumn<EntityChangeDto>(L["Audit:Tenant"], c => c.TenantName),
                new ExportColumn<EntityChangeDto>(L["Audit:User"], c => c.UserName),
                new ExportColumn<EntityChangeDto>(L["Audit:EntityType"], c => c.EntityType),
                new ExportColumn<EntityChangeDto>(L["Audit:EntityId"], c => c.EntityId),
                new ExportColumn<EntityChangeDto>(L["Audit:ChangeType"], c => L[$"Audit:ChangeType:{c.ChangeType}"].Value));
        }
        return ListExport.File(fileFormat, name, clock.GetUtcNow(), await audit.ExportAuditLogsAsync(Scope, WithDates(logQuery), cancellationToken),
            new ExportColumn<AuditLogDto>(L["Audit:Time"], l => l.ExecutedAt),
            new ExportColumn<AuditLogDto>(L["Audit:Tenant"], l => l.TenantName),
            new ExportColumn<AuditLogDto>(L["Audit:User"], l => l.UserName),
            new ExportColumn<AuditLogDto>(L["Audit:Impersonator"], l => l.ImpersonatorUserId),
            new ExportColumn<AuditLogDto>(L["Audit:IpAddress"], l => l.IpAddress),
            new ExportColumn<AuditLogDto>(L["Audit:Method"], l => l.HttpMethod),
            new ExportColumn<AuditLogDto>(L["Audit:Url"], l => l.Url),
            new ExportColumn<AuditLogDto>(L["Audit:Status"], l => l.StatusCode),
            new ExportColumn<AuditLogDto>(L["Audit:Duration"], l => l.DurationMs),
            new ExportColumn<AuditLogDto>(L["Audit:Error"], l => l.Error));
    }

    private T WithDates<T>(T query) where T : PageRequest
    {
        var from = FromDate is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var to = ToDate is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        switch (query)
        {
            case AuditLogQuery logs:
                (logs.From, logs.To) = (from, to);
                if (!ShowTenant) logs.TenantId = null;
                break;
            case EntityChangeQuery changes:
                (changes.From, changes.To) = (from, to);
                if (!ShowTenant) changes.TenantId = null;
                break;
        }
        return query;
    }
}

/// <summary>One entity change with each property's old and new value, and the request that made it.</summary>
public abstract class AuditChangePageModel(IAuditLogAppService audit) : AdminPageModel
{
    public abstract AuditScope Scope { get; }
    public EntityChangeDetailDto Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Detail = await audit.GetEntityChangeAsync(Scope, id, cancellationToken);
}
