using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSaaS.TestBase;

/// <summary>
/// A company moved to a database of its own, the way the operator does it: the new database is created and migrated,
/// the company's rows are moved into it (copied, then deleted from the shared database: the product leaves this step to
/// the operator, see the hint beside the connection string field), then the operator sets the connection string.
/// </summary>
public static class OwnDatabases
{
    /// <summary>A new database name that etc/test.sh drops if a run leaves it behind.</summary>
    public static string NewName() => "erpsaas_own_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Moves the tenant's rows into <paramref name="database"/> (created if missing) and switches the tenant to it.</summary>
    public static async Task MoveTenantAsync(this ErpTestFixture fixture, Guid tenantId, string database)
    {
        var connectionString = TestDatabase.AppConnectionString(database);
        await fixture.Services.GetRequiredService<ErpDatabaseMigrator>().MigrateTenantDatabaseAsync(connectionString);
        await MoveRowsAsync(fixture.OwnerConnectionString, TestDatabase.OwnerConnectionString(database), tenantId);

        var operatorId = await fixture.Given.Operator();
        await fixture.AsUserAsync(null, operatorId, sp => sp.GetRequiredService<ITenantAdminAppService>().SetConnectionStringAsync(tenantId, connectionString));
    }

    private static async Task MoveRowsAsync(string source, string target, Guid tenantId)
    {
        await using var from = await OpenBypassingAsync(source);
        await using var to = await OpenBypassingAsync(target);
        var tables = await TenantTablesParentsFirstAsync(from);
        await using var transaction = await to.BeginTransactionAsync();
        foreach (var table in tables)
        {
            // COPY FROM refuses tables under row-level security: the rows go through a temporary table. Generated columns
            // (search texts) are computed again by the target.
            var columns = await StoredColumnsAsync(from, table);
            await ExecuteAsync(to, $"CREATE TEMP TABLE moving AS SELECT {columns} FROM {table} WITH NO DATA");
            await using (var reader = await from.BeginRawBinaryCopyAsync($"COPY (SELECT {columns} FROM {table} WHERE tenant_id = '{tenantId}') TO STDOUT (FORMAT BINARY)"))
            await using (var writer = await to.BeginRawBinaryCopyAsync("COPY moving FROM STDIN (FORMAT BINARY)"))
            {
                await reader.CopyToAsync(writer);
            }
            // Rows kept by triggers (the stock page's totals) come along as they are: the triggers would count them twice.
            await ExecuteAsync(to, $"ALTER TABLE {table} DISABLE TRIGGER USER; INSERT INTO {table} ({columns}) OVERRIDING SYSTEM VALUE SELECT {columns} FROM moving; "
                                   + $"ALTER TABLE {table} ENABLE TRIGGER USER; DROP TABLE moving");
            // Identity columns (Identity's claim ids) continue after the rows that came along.
            foreach (var column in await IdentityColumnsAsync(to, table))
            {
                await ExecuteAsync(to, $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), coalesce(max({column}), 0) + 1, false) FROM {table}");
            }
        }
        await transaction.CommitAsync();
        // The company's rows leave the shared database as the operator's move does; an append-only table (the stock
        // ledger) lets only its owner do that, with its guard triggers off inside the same transaction.
        await using (var cleanup = await from.BeginTransactionAsync())
        {
            foreach (var table in Enumerable.Reverse(tables))
            {
                await ExecuteAsync(from, $"ALTER TABLE {table} DISABLE TRIGGER USER; DELETE FROM {table} WHERE tenant_id = '{tenantId}'; ALTER TABLE {table} ENABLE TRIGGER USER");
            }
            await cleanup.CommitAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The tables under the tenant isolation policy, each after the tables its foreign keys point to.</summary>
    private static async Task<List<string>> TenantTablesParentsFirstAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' ORDER BY tablename", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>());
        await using (var command = new NpgsqlCommand(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (parents.TryGetValue(reader.GetString(0), out var of) && parents.ContainsKey(reader.GetString(1))) of.Add(reader.GetString(1));
            }
        }
        var ordered = new List<string>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.First(t => !ordered.Contains(t) && parents[t].All(ordered.Contains));
            ordered.Add(next);
        }
        return ordered;
    }

    private static async Task<string> StoredColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> IdentityColumnsAsync(NpgsqlConnection connection, string table)
    {
        var columns = new List<string>();
        await using var command = new NpgsqlCommand($"SELECT attname FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attidentity <> ''", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<NpgsqlConnection> OpenBypassingAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SELECT set_config('erp.bypass_tenant', 'on', false)");
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
