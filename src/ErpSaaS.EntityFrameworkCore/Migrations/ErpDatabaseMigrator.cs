using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Migrations;

/// <summary>Migrates the host database, then every tenant database that the operator configured.</summary>
public sealed class ErpDatabaseMigrator(SchemaMigrator migrator, ErpDatabaseOptions database, ILogger<ErpDatabaseMigrator> logger)
{
    public async Task MigrateAllAsync(CancellationToken cancellationToken = default)
    {
        await migrator.MigrateAsync(database.MigrationConnectionString, database.AppRole, cancellationToken);
        foreach (var (slug, connectionString) in await TenantDatabasesAsync(cancellationToken))
        {
            logger.LogInformation("Migrating the own database of tenant {Tenant}", slug);
            await MigrateTenantDatabaseAsync(connectionString, cancellationToken);
        }
    }

    /// <summary>Creates the database if it does not exist yet and brings its schema up to date.</summary>
    public async Task MigrateTenantDatabaseAsync(string tenantConnectionString, CancellationToken cancellationToken = default)
    {
        var owner = database.AsOwner(tenantConnectionString);
        var databaseName = new NpgsqlConnectionStringBuilder(owner).Database!;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await migrator.MigrateAsync(owner, new NpgsqlConnectionStringBuilder(tenantConnectionString).Username ?? database.AppRole, cancellationToken);
    }

    private async Task<List<(string Slug, string ConnectionString)>> TenantDatabasesAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(database.MigrationConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT slug, connection_string FROM tenants WHERE connection_string IS NOT NULL ORDER BY slug", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }
}
