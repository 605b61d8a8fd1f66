using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ErpSaaS.EntityFrameworkCore.Settings;

internal sealed class SettingStore(ErpDbContext db, IMemoryCache cache) : ISettingStore
{
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var all = await GetAllAsync(cancellationToken);
        return all.TryGetValue(name, out var value) ? value
            : throw new ArgumentException($"Unknown setting {name}", nameof(name));
    }

    public async Task<IReadOnlyDictionary<string, string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var key = CacheKey(db.CurrentTenantId);
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, string>? cached) && cached is not null) return cached;
        var own = await db.TenantSettings.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken);
        var effective = SettingDefinitions.All.ToDictionary(d => d.Name, d => own.GetValueOrDefault(d.Name) ?? d.DefaultValue, StringComparer.Ordinal);
        cache.Set(key, (IReadOnlyDictionary<string, string>)effective, TimeSpan.FromMinutes(5));
        return effective;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var definition = SettingDefinitions.Find(name) ?? throw new ArgumentException($"Unknown setting {name}", nameof(name));
        value = value.Trim();
        if (!definition.IsValid(value))
        {
            throw BusinessException.ForField(name, ErrorCodes.SettingValueInvalid, name, value);
        }
        var existing = db.TenantSettings.Local.FirstOrDefault(s => s.Name == name)
                       ?? await db.TenantSettings.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (existing is null)
        {
            db.TenantSettings.Add(new TenantSetting(name, value));
        }
        else
        {
            existing.Change(value);
        }
    }

    internal static string CacheKey(Guid? tenantId) => $"settings:{tenantId?.ToString() ?? "host"}";
}

/// <summary>Drops a tenant's cached settings when any of them is saved.</summary>
internal sealed class SettingCacheInvalidator(IMemoryCache cache) : ISavedChangesObserver, IDatabaseChangeObserver
{
    public void OnTableChanged(string table, string key)
    {
        if (table == "tenant_settings") cache.Remove(SettingStore.CacheKey(Guid.TryParse(key, out var id) ? id : null));
    }

    public void OnSaved(IReadOnlyCollection<(Type EntityType, object Entity)> changed)
    {
        foreach (var setting in changed.Select(c => c.Entity).OfType<TenantSetting>())
        {
            cache.Remove(SettingStore.CacheKey(setting.TenantId));
        }
    }
}
