using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Tenancy;

/// <summary>
/// Checks a tenant's own connection string by connecting with it (a database that does not exist yet is fine:
/// the migrator creates it), migrates the database, then connects once more as the tenant will.
/// </summary>
internal sealed class TenantDatabaseProvisioner(ErpDatabaseMigrator migrator, ILogger<TenantDatabaseProvisioner> logger) : ITenantDatabaseProvisioner
{
    public async Task<bool> TryPrepareAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database) || string.IsNullOrEmpty(builder.Username)) return false;
        if (!await CanConnectAsync(builder.ConnectionString, missingDatabaseIsFine: true, cancellationToken)) return false;
        try
        {
            await migrator.MigrateTenantDatabaseAsync(connectionString, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Migrating the tenant database {Database} on {Host} failed", builder.Database, builder.Host);
            return false;
        }
        return await CanConnectAsync(builder.ConnectionString, missingDatabaseIsFine: false, cancellationToken);
    }

    private async Task<bool> CanConnectAsync(string connectionString, bool missingDatabaseIsFine, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (missingDatabaseIsFine && e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(e, "Cannot connect to the tenant database {Database}", new NpgsqlConnectionStringBuilder(connectionString).Database);
            return false;
        }
    }
}
