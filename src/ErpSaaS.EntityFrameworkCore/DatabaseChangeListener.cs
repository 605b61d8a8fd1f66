using ErpSaaS.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore;

/// <summary>
/// Listens on PostgreSQL channel <c>erp_cache_changed</c> (raised on commit by triggers, migration 0004) and
/// tells every <see cref="IDatabaseChangeObserver"/>, so all web instances drop stale cached tenants,
/// features, permissions and settings, whoever made the change. Reconnects after a lost connection.
/// </summary>
public sealed class DatabaseChangeListener(
    ErpDatabaseOptions database, IEnumerable<IDatabaseChangeObserver> observers, ILogger<DatabaseChangeListener> logger) : BackgroundService
{
    public const string Channel = "erp_cache_changed";
    private readonly IDatabaseChangeObserver[] _observers = observers.Distinct().ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lost the cache change notification connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    internal void Dispatch(string payload)
    {
        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        var (table, key) = separator < 0 ? (payload, string.Empty) : (payload[..separator], payload[(separator + 1)..]);
        foreach (var observer in _observers)
        {
            observer.OnTableChanged(table, key);
        }
    }
}
