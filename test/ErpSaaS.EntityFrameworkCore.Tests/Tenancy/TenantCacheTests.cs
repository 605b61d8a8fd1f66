using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Tenancy;

public sealed class TenantCacheTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task A_cached_tenant_is_served_without_the_database_and_dropped_when_this_process_saves_it()
    {
        var id = await fixture.Given.Tenant("cache-" + Guid.NewGuid().ToString("N")[..6]);
        var store = fixture.Services.GetRequiredService<ITenantStore>();
        (await store.FindAsync(id))!.Status.ShouldBe(TenantStatus.Active);

        await ChangeNameBehindTheAppsBackAsync(id, "Renamed directly"); // nobody listens in this test
        (await store.FindAsync(id))!.Name.ShouldNotBe("Renamed directly", "the second lookup must come from the cache");

        await fixture.InScopeAsync(null, async sp =>
        {
            var tenant = await sp.GetRequiredService<ITenantRepository>().FindAsync(id);
            tenant!.ChangeStatus(TenantStatus.Suspended);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        (await store.FindAsync(id))!.Status.ShouldBe(TenantStatus.Suspended);
    }

    [Fact]
    public async Task A_change_committed_by_another_process_reaches_this_cache_through_the_database_notification()
    {
        var id = await fixture.Given.Tenant("notify-" + Guid.NewGuid().ToString("N")[..6]);
        var store = fixture.Services.GetRequiredService<ITenantStore>();
        (await store.FindAsync(id)).ShouldNotBeNull();
        using var listener = ActivatorUtilities.CreateInstance<DatabaseChangeListener>(fixture.Services);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(500); // let LISTEN be registered before the change is committed
            await ChangeNameBehindTheAppsBackAsync(id, "Renamed by another instance");

            var name = string.Empty;
            for (var attempt = 0; attempt < 50 && name != "Renamed by another instance"; attempt++)
            {
                await Task.Delay(100);
                name = (await store.FindAsync(id))!.Name;
            }
            name.ShouldBe("Renamed by another instance");
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    private async Task ChangeNameBehindTheAppsBackAsync(Guid id, string name)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE tenants SET name = @n WHERE id = @id", connection);
        command.Parameters.AddWithValue("n", name);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
