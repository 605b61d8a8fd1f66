using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Tenancy;

public sealed class TenantIsolationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _globex;

    public async Task InitializeAsync()
    {
        _acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        _globex = await fixture.Given.Tenant("globex-" + Guid.NewGuid().ToString("N")[..6]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_sees_only_its_own_users_through_the_query_filter()
    {
        var users = await fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<ErpDbContext>().Users.ToListAsync());

        users.ShouldNotBeEmpty();
        users.ShouldAllBe(u => u.TenantId == _acme);
    }

    [Fact]
    public async Task Raw_sql_without_a_where_clause_returns_only_the_current_tenants_rows()
    {
        var tenantIds = await fixture.InScopeAsync(_globex, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return await db.Database.SqlQueryRaw<Guid?>("SELECT tenant_id AS \"Value\" FROM users").ToListAsync();
        });

        tenantIds.ShouldNotBeEmpty();
        tenantIds.ShouldAllBe(t => t == _globex);
    }

    [Fact]
    public async Task A_plain_connection_as_the_app_role_without_a_tenant_sees_no_tenant_rows()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM users WHERE tenant_id IS NOT NULL", connection);

        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Every_tenant_table_is_under_forced_row_level_security()
    {
        var tables = await fixture.InScopeAsync(null, sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return Task.FromResult(db.Model.GetEntityTypes()
                .Where(t => typeof(IMultiTenant).IsAssignableFrom(t.ClrType))
                .Select(t => t.GetTableName()!).Distinct().ToList());
        });
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = @t AND relkind = 'r'", connection);
            command.Parameters.AddWithValue("t", table);
            ((bool)(await command.ExecuteScalarAsync())!).ShouldBeTrue($"{table} is not under forced row-level security");
        }
    }

    [Fact]
    public async Task Writing_a_row_of_another_tenant_is_refused()
    {
        var globexUserId = await fixture.InScopeAsync(_globex, async sp =>
            (await sp.GetRequiredService<ErpDbContext>().Users.FirstAsync()).Id);

        var error = await Should.ThrowAsync<BusinessException>(() => fixture.InScopeAsync(_acme, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            db.TenantSettings.Add(new TenantSetting(ErpSettings.CompanyPhone, "1"));
            // Forge a globex-owned row from inside acme's unit of work.
            var forged = new PermissionGrant(PermissionGrantee.User, globexUserId, "Identity.Users");
            db.Entry(forged).Property(nameof(IMultiTenant.TenantId)).CurrentValue = _globex;
            db.Add(forged);
            await db.SaveChangesAsync();
        }));

        error.Code.ShouldBe(ErrorCodes.CrossTenantWrite);
    }

    [Fact]
    public async Task Row_level_security_refuses_an_insert_for_another_tenant_even_past_the_app()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT set_config('erp.tenant_id', '{_acme}', false);
            INSERT INTO tenant_settings (id, tenant_id, name, value) VALUES (gen_random_uuid(), '{_globex}', 'x', 'y');
            """, connection);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Host_code_sees_every_tenant_only_when_it_lifts_the_filter_explicitly()
    {
        var (filtered, lifted) = await fixture.InScopeAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var hostOnly = await db.Users.Select(u => u.TenantId).Distinct().ToListAsync();
            using (db.DisableTenantFilter())
            {
                var all = await db.Users.Select(u => u.TenantId).Distinct().ToListAsync();
                return (hostOnly, all);
            }
        });

        filtered.ShouldAllBe(t => t == null);
        lifted.ShouldContain(_acme);
        lifted.ShouldContain(_globex);
    }

    [Fact]
    public async Task Changing_the_tenant_inside_a_unit_of_work_switches_both_filter_and_row_level_security()
    {
        var seen = await fixture.InScopeAsync(_acme, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var current = sp.GetRequiredService<ErpSaaS.Tenancy.ICurrentTenant>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var first = await db.Database.SqlQueryRaw<Guid?>("SELECT tenant_id AS \"Value\" FROM roles").ToListAsync();
            using (current.Change(_globex))
            {
                var second = await db.Database.SqlQueryRaw<Guid?>("SELECT tenant_id AS \"Value\" FROM roles").ToListAsync();
                return (first, second);
            }
        });

        seen.first.ShouldAllBe(t => t == _acme);
        seen.second.ShouldAllBe(t => t == _globex);
        seen.second.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_same_user_name_may_exist_in_two_tenants_but_not_twice_in_one()
    {
        await fixture.Given.User(_acme, "lily");
        await fixture.Given.User(_globex, "lily");

        var duplicate = await fixture.InScopeAsync(_acme, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            return await users.CreateAsync(new AppUser(_acme, "lily", "lily2@example.test", "Lily", "en", "UTC", fixture.Clock.GetUtcNow()), Given.Password);
        });

        duplicate.Succeeded.ShouldBeFalse();
        duplicate.Errors.ShouldContain(e => e.Code == "DuplicateUserName");
    }
}
