using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Migrations;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Tenancy;

/// <summary>The scale-out path: a tenant moved to a database of its own is served from there.</summary>
public sealed class OwnDatabaseTenantTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private readonly string _ownDatabase = "erpsaas_own_" + Guid.NewGuid().ToString("N")[..12];
    private Guid _tenantId;

    public async Task InitializeAsync()
    {
        _tenantId = await fixture.Given.Tenant("solo-" + Guid.NewGuid().ToString("N")[..6]);
        await fixture.InScopeAsync(null, async sp =>
        {
            var tenant = await sp.GetRequiredService<ITenantRepository>().FindAsync(_tenantId);
            tenant!.UseOwnDatabase(TestDatabase.AppConnectionString(_ownDatabase));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => TestDatabase.DropAsync(_ownDatabase);

    [Fact]
    public async Task The_migrator_creates_and_migrates_every_tenant_database_and_the_tenant_is_served_from_it()
    {
        await fixture.Services.GetRequiredService<ErpDatabaseMigrator>().MigrateAllAsync();

        await fixture.InScopeAsync(_tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database.ShouldBe(_ownDatabase);
            db.TenantSettings.Add(new TenantSetting(ErpSettings.CompanyPhone, "400-800-1234"));
            await db.SaveChangesAsync();
        });

        (await CountSettingsAsync(TestDatabase.OwnerConnectionString(_ownDatabase))).ShouldBe(1);
        (await CountSettingsAsync(fixture.OwnerConnectionString)).ShouldBe(0);
        (await AppliedMigrationsAsync(TestDatabase.OwnerConnectionString(_ownDatabase))).ShouldBe(SchemaMigrator.Steps.Count);
    }

    private async Task<long> CountSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT set_config('erp.tenant_id', '{_tenantId}', false);
            SELECT count(*) FROM tenant_settings WHERE name = '{ErpSettings.CompanyPhone}';
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task<long> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
