using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ErpSaaS.TestBase;

/// <summary>
/// Real PostgreSQL for tests: one template database migrated once per run, then a fresh clone per test class.
/// Connection settings come from ERP_PG_HOST / ERP_PG_PORT (the ones etc/test.sh uses) or the local defaults.
/// </summary>
public static class TestDatabase
{
    /// <summary>ERP_TEST_TEMPLATE lets two checkouts with different migrations test side by side, each on its own template.</summary>
    public static readonly string TemplateName = Environment.GetEnvironmentVariable("ERP_TEST_TEMPLATE") ?? "erpsaas_test_template";
    private const long CloneLockKey = 0x45_52_50_54_45_53_54; // "ERPTEST"

    private static readonly string Host = Environment.GetEnvironmentVariable("ERP_PG_HOST") ?? "localhost";
    private static readonly string Port = Environment.GetEnvironmentVariable("ERP_PG_PORT") ?? "5432";
    private static readonly string Owner = Environment.GetEnvironmentVariable("ERP_OWNER") ?? "erpsaas_owner";
    private static readonly string OwnerPassword = Environment.GetEnvironmentVariable("ERP_OWNER_PASSWORD") ?? "erpsaas_owner";
    private static readonly string App = Environment.GetEnvironmentVariable("ERP_APP") ?? "erpsaas_app";
    private static readonly string AppPassword = Environment.GetEnvironmentVariable("ERP_APP_PASSWORD") ?? "erpsaas_app";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static bool _templateReady;

    public static string OwnerConnectionString(string database) =>
        $"Host={Host};Port={Port};Database={database};Username={Owner};Password={OwnerPassword};Include Error Detail=true";

    public static string AppConnectionString(string database) =>
        $"Host={Host};Port={Port};Database={database};Username={App};Password={AppPassword};Include Error Detail=true";

    /// <summary>
    /// Creates a new database from the migrated template. Creation is serialized across test processes
    /// with an advisory lock, because PostgreSQL refuses to clone a template that has other sessions.
    /// </summary>
    public static async Task<string> CreateAsync(Func<string, string, Task>? seedTemplate = null)
    {
        var name = "erpsaas_t_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = await OpenAdminAsync();
        await ExecuteAsync(admin, $"SELECT pg_advisory_lock({CloneLockKey})");
        try
        {
            await TemplateGate.WaitAsync();
            try
            {
                if (!_templateReady)
                {
                    await PrepareTemplateAsync(admin, seedTemplate);
                    _templateReady = true;
                }
            }
            finally
            {
                TemplateGate.Release();
            }
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        }
        finally
        {
            await ExecuteAsync(admin, $"SELECT pg_advisory_unlock({CloneLockKey})");
        }
        return name;
    }

    /// <summary>
    /// Drops a test database. Housekeeping only: a drop that keeps failing (a session still connecting while FORCE
    /// terminates the others) is left for etc/test.sh, which drops leftovers before each run.
    /// </summary>
    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = await OpenAdminAsync();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException error) when (attempt < 5)
            {
                await Console.Error.WriteLineAsync($"Dropping {name} failed ({error.SqlState} {error.MessageText}); trying again.");
                await Task.Delay(200 * attempt);
            }
            catch (PostgresException error)
            {
                await Console.Error.WriteLineAsync($"Leaving {name} for the next run to drop: {error.SqlState} {error.MessageText}");
                return;
            }
        }
    }

    private static async Task PrepareTemplateAsync(NpgsqlConnection admin, Func<string, string, Task>? seedTemplate)
    {
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
        {
            exists.Parameters.AddWithValue("n", TemplateName);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await ExecuteAsync(admin, $"CREATE DATABASE {TemplateName}");
            }
        }
        var owner = OwnerConnectionString(TemplateName) + ";Pooling=false";
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(owner, App);
        if (seedTemplate is not null)
        {
            await seedTemplate(AppConnectionString(TemplateName) + ";Pooling=false", owner);
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(OwnerConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync();
    }

    internal static ErpDatabaseOptions OptionsFor(string database) => new()
    {
        ConnectionString = AppConnectionString(database),
        MigrationConnectionString = OwnerConnectionString(database),
    };
}
