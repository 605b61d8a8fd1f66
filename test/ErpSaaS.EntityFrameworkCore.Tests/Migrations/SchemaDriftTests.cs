using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Migrations;

/// <summary>
/// The migrations are written by hand; this proves they produce exactly the schema the EF model expects:
/// the model's own CREATE script is run in a scratch database and both catalogs are compared.
/// </summary>
public sealed class SchemaDriftTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private const string CatalogQuery = """
        SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type
               || coalesce('(' || c.character_maximum_length || ')', '')
               || coalesce('(' || c.numeric_precision || ',' || c.numeric_scale || ')', '')
               || CASE WHEN c.is_nullable = 'YES' THEN ' null' ELSE ' not null' END
        FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name = ANY(@tables)
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(@tables)
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text = ANY(@tables)
          -- Constraint triggers (the catalog stamp, 0036) are triggers, which the model does not describe, as no other trigger.
          AND contype <> 't'
        ORDER BY 1
        """;

    [Fact]
    public async Task The_migrated_schema_matches_the_entity_model()
    {
        var (script, tables) = await fixture.InScopeAsync(null, sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return Task.FromResult((db.Database.GenerateCreateScript(),
                db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToArray()));
        });
        var scratch = "erpsaas_drift_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(TestDatabase.OwnerConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {scratch}", admin).ExecuteNonQueryAsync();
        }
        try
        {
            await using (var model = new NpgsqlConnection(TestDatabase.OwnerConnectionString(scratch)))
            {
                await model.OpenAsync();
                await new NpgsqlCommand(script, model).ExecuteNonQueryAsync();
            }

            var expected = await CatalogAsync(TestDatabase.OwnerConnectionString(scratch), tables);
            var actual = await CatalogAsync(fixture.OwnerConnectionString, tables);

            actual.Except(expected).ShouldBeEmpty("the migrations create more than the model has");
            expected.Except(actual).ShouldBeEmpty("the model has what no migration creates");
        }
        finally
        {
            await TestDatabase.DropAsync(scratch);
        }
    }

    private static async Task<List<string>> CatalogAsync(string connectionString, string[] tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(CatalogQuery, connection);
        command.Parameters.AddWithValue("tables", tables);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
