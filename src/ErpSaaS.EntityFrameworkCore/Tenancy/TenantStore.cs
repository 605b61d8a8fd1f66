using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

/// <summary>
/// Reads tenants from the host database (always the host's, whatever the current tenant) and caches them.
/// Saves of a <see cref="Tenant"/> drop the cached copy at once; other instances drop theirs when the
/// database notifies them (<see cref="DatabaseChangeListener"/>), and at worst after <see cref="CacheLifetime"/>.
/// </summary>
public sealed class TenantStore(IMemoryCache cache, ErpDatabaseOptions database) : ITenantStore, ISavedChangesObserver, IDatabaseChangeObserver
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private const string Columns = "id, name, slug, status, plan_id, trial_ends_at, connection_string";

    public async ValueTask<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(IdKey(id), out TenantInfo? cached)) return cached;
        var tenant = await QueryAsync($"SELECT {Columns} FROM tenants WHERE id = @value", id, cancellationToken);
        return tenant is null ? null : Remember(IdKey(id), tenant);
    }

    public async ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        if (cache.TryGetValue(SlugKey(normalized), out TenantInfo? cached)) return cached;
        var tenant = await QueryAsync($"SELECT {Columns} FROM tenants WHERE slug = @value", normalized, cancellationToken);
        return Remember(SlugKey(normalized), tenant);
    }

    public TenantInfo? Find(Guid id)
    {
        if (cache.TryGetValue(IdKey(id), out TenantInfo? cached)) return cached;
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM tenants WHERE id = @value", connection);
        command.Parameters.AddWithValue("value", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Remember(IdKey(id), Map(reader)) : null;
    }

    public void Invalidate(Guid id)
    {
        if (cache.TryGetValue(IdKey(id), out TenantInfo? cached) && cached is not null)
        {
            cache.Remove(SlugKey(cached.Slug));
        }
        cache.Remove(IdKey(id));
    }

    void ISavedChangesObserver.OnSaved(IReadOnlyCollection<(Type EntityType, object Entity)> changed)
    {
        foreach (var (_, entity) in changed)
        {
            if (entity is Tenant tenant)
            {
                Invalidate(tenant.Id);
                cache.Remove(SlugKey(tenant.Slug));
            }
        }
    }

    void IDatabaseChangeObserver.OnTableChanged(string table, string key)
    {
        if (table == "tenants" && Guid.TryParse(key, out var id)) Invalidate(id);
    }

    private async Task<TenantInfo?> QueryAsync(string sql, object value, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Map(reader) : null;
    }

    private TenantInfo? Remember(string key, TenantInfo? tenant)
    {
        // Unknown slugs are cached briefly too, so a flood of requests for a bad subdomain stays off the database. An
        // unknown id is not: ids come from the app itself, and one not found may be a company whose creating
        // transaction has not committed yet (its set-up checks features and permissions before the commit).
        cache.Set(key, tenant, tenant is null ? TimeSpan.FromSeconds(5) : CacheLifetime);
        if (tenant is not null)
        {
            cache.Set(IdKey(tenant.Id), tenant, CacheLifetime);
            cache.Set(SlugKey(tenant.Slug), tenant, CacheLifetime);
        }
        return tenant;
    }

    private static TenantInfo Map(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
        Enum.Parse<TenantStatus>(reader.GetString(3)), reader.GetGuid(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    private static string IdKey(Guid id) => $"tenant:id:{id}";
    private static string SlugKey(string slug) => $"tenant:slug:{slug}";
}
