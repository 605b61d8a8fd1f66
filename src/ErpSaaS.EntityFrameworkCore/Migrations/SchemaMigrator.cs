using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSaaS.EntityFrameworkCore.Migrations;

/// <summary>
/// Applies the versioned, forward-only migrations (Migrations/NNNN_name.sql, plus the Quartz job-store
/// schema) to one database, under a PostgreSQL advisory lock so concurrent migrators wait for each other.
/// Runs as the owner role; grants the application role what it needs afterwards.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x45_52_50_53_41_41_53; // "ERPSAAS"
    private const string QuartzStep = "0003_quartz_job_store";

    public static IReadOnlyList<string> Steps { get; } = ListSteps();

    public async Task<IReadOnlyList<string>> MigrateAsync(string ownerConnectionString, string appRole, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
            }

            var newlyApplied = new List<string>();
            foreach (var step in Steps.Where(s => !applied.Contains(s)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var statement in ScriptFor(step, appRole))
                {
                    // A step that moves a large table's rows (0022 copies every ledger entry's valuation) runs for
                    // minutes on a big company; cut off at the default 30 s it would roll back on every start.
                    await ExecuteAsync(connection, transaction, statement, cancellationToken, timeoutSeconds: 0);
                }
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", step);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} to {Database}", step, connection.Database);
                newlyApplied.Add(step);
            }
            await ExecuteAsync(connection, null, $"""
                GRANT USAGE ON SCHEMA public TO {Quote(appRole)};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {Quote(appRole)};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {Quote(appRole)};
                REVOKE ALL ON schema_migrations FROM {Quote(appRole)};
                """, cancellationToken);
            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<string> ScriptFor(string step, string appRole)
    {
        if (step == QuartzStep)
        {
            // Quartz ships its own PostgreSQL schema; we apply it as one of our versioned steps.
            var quartz = typeof(Quartz.IScheduler).Assembly;
            using var stream = quartz.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
                ?? throw new InvalidOperationException("Quartz's PostgreSQL schema is not embedded in this Quartz version.");
            using var reader = new StreamReader(stream);
            var script = reader.ReadToEnd().Replace("{0}", "qrtz_", StringComparison.Ordinal).Replace("{1}", "qrtz_", StringComparison.Ordinal);
            // Statements are separated by lines reading exactly "--;;".
            return System.Text.RegularExpressions.Regex.Split(script, @"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(s => s.Trim())
                .Where(s => s.Split('\n').Any(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0));
        }
        using var sql = typeof(SchemaMigrator).Assembly.GetManifestResourceStream($"Migrations/{step}.sql")!;
        using var sqlReader = new StreamReader(sql);
        return [sqlReader.ReadToEnd().Replace("{{app_role}}", Quote(appRole), StringComparison.Ordinal)];
    }

    private static List<string> ListSteps()
    {
        var sqlSteps = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n["Migrations/".Length..^".sql".Length]);
        return sqlSteps.Append(QuartzStep).Order(StringComparer.Ordinal).ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (timeoutSeconds is { } timeout) command.CommandTimeout = timeout;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
