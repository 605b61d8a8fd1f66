using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Numbering;
using ErpSaaS.Outbox;
using ErpSaaS.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// A tenant that may not write (lapsed subscription: read-only; suspended) changes none of its own data. What a
/// read still writes goes through: the audit trail, the outbox, user tokens, document sequences, and the sign-in
/// bookkeeping on users. Host-side work across tenants (filter disabled) is the operator's and is not refused.
/// </summary>
internal static class ReadOnlyTenantGuard
{
    private static readonly HashSet<Type> Plumbing =
        [typeof(AuditLog), typeof(EntityChange), typeof(OutboxMessage), typeof(AppUserToken), typeof(DocumentSequence)];

    // Signing in, and the user's own UI language (a personal preference, not company data), work while read-only.
    private static readonly HashSet<string> SignInBookkeeping = new(StringComparer.Ordinal)
    {
        nameof(AppUser.LastSignInAt), nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd),
        nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.Language),
    };

    public static async Task CheckAsync(ErpDbContext context, IReadOnlyList<EntityEntry> entries, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (context.CurrentTenantId is not { } tenantId || !context.IsTenantFilterEnabled) return;
        var guarded = entries.FirstOrDefault(IsGuarded);
        if (guarded is null || await IsWritableAsync(context, tenantId, services, cancellationToken)) return;
        throw new BusinessException(ErrorCodes.TenantIsReadOnly, guarded.Metadata.ClrType.Name);
    }

    private static bool IsGuarded(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant || Plumbing.Contains(entry.Metadata.ClrType)) return false;
        if (entry.Entity is AppUser && entry.State == EntityState.Modified)
        {
            // UserManager.UpdateAsync marks every property modified (DbContext.Update); only a changed value counts.
            return entry.Properties.Any(p => p.IsModified && !SignInBookkeeping.Contains(p.Metadata.Name)
                                             && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue));
        }
        return true;
    }

    private static async Task<bool> IsWritableAsync(ErpDbContext context, Guid tenantId, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A tenant in this very unit of work (being signed up, or its status just changed) speaks for itself:
        // the store reads committed data only.
        if (context.ChangeTracker.Entries<Tenant>().FirstOrDefault(e => e.Entity.Id == tenantId) is { } tracked)
        {
            return tracked.Entity.IsWritable;
        }
        var tenant = await services.GetRequiredService<ITenantStore>().FindAsync(tenantId, cancellationToken);
        return tenant is null || tenant.IsWritable;
    }
}
