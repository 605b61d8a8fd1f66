using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Outbox;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Outbox;

/// <summary>
/// A message is written in the transaction of the business change, so a company with a database of its own keeps its
/// messages there: the dispatcher drains that database too, acting for the company.
/// </summary>
public sealed class OwnDatabaseOutboxTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>, IAsyncLifetime
{
    private readonly string _ownDatabase = OwnDatabases.NewName();
    private Guid _tenant;

    public async Task InitializeAsync()
    {
        _tenant = await fixture.Given.Tenant("obx-own-" + Guid.NewGuid().ToString("N")[..6]);
        await fixture.MoveTenantAsync(_tenant, _ownDatabase);
    }

    public Task DisposeAsync() => TestDatabase.DropAsync(_ownDatabase);

    private OutboxDispatcher Dispatcher => fixture.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task A_message_written_in_a_company_database_of_its_own_is_dispatched_there_inside_the_company()
    {
        var id = await fixture.InScopeAsync(_tenant, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database.ShouldBe(_ownDatabase);
            sp.GetRequiredService<IOutbox>().Enqueue(RecordingHandler.MessageType, new TestPayload("from its own database"));
            var message = db.OutboxMessages.Local.Single();
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return message.Id;
        });
        (await CountInSharedDatabaseAsync(id)).ShouldBe(0);

        await Dispatcher.DispatchDueAsync();

        var handled = fixture.Probe.For([id]).ShouldHaveSingleItem();
        handled.CurrentTenant.ShouldBe(_tenant);
        handled.RoleTenantsSeenBySql.ShouldBe([_tenant]);
        var processed = await fixture.InScopeAsync(_tenant, sp =>
            sp.GetRequiredService<ErpDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        processed.State.ShouldBe(OutboxMessageState.Processed);

        fixture.Clock.Advance(TimeSpan.FromDays(8));
        await Dispatcher.PurgeProcessedAsync(TimeSpan.FromDays(7));
        (await fixture.InScopeAsync(_tenant, sp => sp.GetRequiredService<ErpDbContext>().OutboxMessages.AnyAsync(m => m.Id == id))).ShouldBeFalse();
    }

    private async Task<long> CountInSharedDatabaseAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('erp.bypass_tenant', 'on', false); SELECT count(*) FROM outbox_messages WHERE id = '{id}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
