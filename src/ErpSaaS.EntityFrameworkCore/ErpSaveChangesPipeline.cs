using System.Text.Json;
using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// What every save does, in order: stamp the tenant on new rows and refuse rows of another tenant,
/// run in-transaction domain event handlers, record entity changes for the audit trail;
/// after the save, tell observers (caches) what changed.
/// </summary>
public sealed class ErpSaveChangesPipeline(IServiceProvider services, IAuditContext audit, TimeProvider clock)
{
    private static readonly HashSet<string> AlwaysMasked = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    private List<(Type, object)> _changed = [];

    public async Task BeforeSaveAsync(ErpDbContext context, CancellationToken cancellationToken)
    {
        await DispatchDomainEventsAsync(context, cancellationToken);
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            GuardTenant(context, entry);
        }
        await ReadOnlyTenantGuard.CheckAsync(context, entries, services, cancellationToken);
        RecordEntityChanges(context, entries);
        _changed = entries.Select(e => (e.Metadata.ClrType, e.Entity)).ToList();
    }

    public void AfterSave(ErpDbContext context)
    {
        if (_changed.Count == 0) return;
        var changed = _changed;
        _changed = [];
        foreach (var observer in services.GetServices<ISavedChangesObserver>())
        {
            observer.OnSaved(changed);
        }
    }

    private static void GuardTenant(ErpDbContext context, EntityEntry entry)
    {
        // Explicit host-side work across tenants (see DisableTenantFilter) may touch any tenant's rows.
        if (entry.Entity is not IMultiTenant multiTenant || !context.IsTenantFilterEnabled) return;
        var tenantProperty = entry.Property(nameof(IMultiTenant.TenantId));
        var current = context.CurrentTenantId;
        if (entry.State == EntityState.Added && multiTenant.TenantId is null)
        {
            tenantProperty.CurrentValue = current;
            return;
        }
        var rowTenant = entry.State == EntityState.Added ? multiTenant.TenantId : (Guid?)tenantProperty.OriginalValue;
        if (rowTenant != current || (entry.State == EntityState.Modified && tenantProperty.IsModified && multiTenant.TenantId != current))
        {
            // Host code that deliberately writes for several tenants changes the current tenant first.
            throw new BusinessException(ErrorCodes.CrossTenantWrite, entry.Metadata.ClrType.Name);
        }
    }

    private void RecordEntityChanges(ErpDbContext context, List<EntityEntry> entries)
    {
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            if (entry.Entity is INotAudited) continue;
            var changes = new List<object>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsShadowProperty() && property.Metadata.Name != nameof(IMultiTenant.TenantId)) continue;
                var changed = entry.State switch
                {
                    EntityState.Added => property.CurrentValue is not null,
                    EntityState.Deleted => property.OriginalValue is not null,
                    _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                };
                if (!changed) continue;
                var masked = AlwaysMasked.Contains(property.Metadata.Name)
                             || property.Metadata.PropertyInfo?.IsDefined(typeof(AuditMaskedAttribute), true) == true;
                changes.Add(new
                {
                    property = property.Metadata.Name,
                    old = entry.State == EntityState.Added ? null : masked ? "***" : Format(property.OriginalValue),
                    @new = entry.State == EntityState.Deleted ? null : masked ? "***" : Format(property.CurrentValue),
                });
            }
            if (changes.Count == 0) continue;
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            var change = new EntityChange(audit.AuditLogId, entry.Metadata.ClrType.Name, key,
                entry.State switch { EntityState.Added => EntityChangeType.Created, EntityState.Deleted => EntityChangeType.Deleted, _ => EntityChangeType.Updated },
                JsonSerializer.Serialize(changes), audit.UserId, audit.ImpersonatorUserId, now);
            var changeEntry = context.Add(change);
            // The change belongs to the tenant of the row it describes, even when the host made it.
            changeEntry.Property(nameof(IMultiTenant.TenantId)).CurrentValue =
                entry.Entity is IMultiTenant owner ? owner.TenantId ?? context.CurrentTenantId : context.CurrentTenantId;
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToString("O"),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private async Task DispatchDomainEventsAsync(ErpDbContext context, CancellationToken cancellationToken)
    {
        // Handlers may change more aggregates and raise more events: loop until quiet.
        for (var round = 0; round < 10; round++)
        {
            var aggregates = context.ChangeTracker.Entries<AggregateRoot>()
                .Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
            if (aggregates.Count == 0) return;
            var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
            aggregates.ForEach(a => a.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(domainEvent.GetType());
                foreach (var handler in services.GetServices(handlerType))
                {
                    await (Task)handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!
                        .Invoke(handler, [domainEvent, cancellationToken])!;
                }
            }
        }
        throw new InvalidOperationException("Domain event handlers keep raising events; giving up after 10 rounds.");
    }
}
