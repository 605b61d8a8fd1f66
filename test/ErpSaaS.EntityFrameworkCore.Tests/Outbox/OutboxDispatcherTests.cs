using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Outbox;
using ErpSaaS.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.EntityFrameworkCore.Tests.Outbox;

public sealed class OutboxDispatcherTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private OutboxDispatcher Dispatcher => fixture.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task A_message_is_saved_with_the_unit_of_work_that_wrote_it_and_belongs_to_its_tenant()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => fixture.InScopeAsync(tenant, sp =>
            sp.GetRequiredService<IUnitOfWork>().InTransactionAsync<bool>(ct =>
            {
                sp.GetRequiredService<IOutbox>().Enqueue(RecordingHandler.MessageType, new TestPayload("rolled back"));
                throw new InvalidOperationException("the business change failed");
            })));
        var saved = await EnqueueAsync(tenant, RecordingHandler.MessageType, "kept");

        var messages = await HostAsync(db => db.OutboxMessages.Where(m => m.TenantId == tenant).ToListAsync());
        messages.Select(m => m.Id).ShouldBe([saved]);
        messages[0].Type.ShouldBe(RecordingHandler.MessageType);
        messages[0].Payload.ShouldContain("\"text\": \"kept\"");
        messages[0].State.ShouldBe(OutboxMessageState.Pending);
    }

    [Fact]
    public async Task Each_handler_runs_inside_the_tenant_that_wrote_its_message()
    {
        var acme = await NewTenantAsync();
        var globex = await NewTenantAsync();
        var fromAcme = await EnqueueAsync(acme, RecordingHandler.MessageType, "acme");
        var fromGlobex = await EnqueueAsync(globex, RecordingHandler.MessageType, "globex");

        await DispatchAllDueAsync();

        var handled = fixture.Probe.For([fromAcme, fromGlobex]).ToDictionary(h => h.Text);
        handled["acme"].CurrentTenant.ShouldBe(acme);
        handled["acme"].RoleTenantsSeen.ShouldBe([acme]);
        handled["acme"].RoleTenantsSeenBySql.ShouldBe([acme]);
        handled["globex"].CurrentTenant.ShouldBe(globex);
        handled["globex"].RoleTenantsSeen.ShouldBe([globex]);
        handled["globex"].RoleTenantsSeenBySql.ShouldBe([globex]);
        (await LoadAsync(fromAcme)).State.ShouldBe(OutboxMessageState.Processed);
    }

    [Fact]
    public async Task A_failed_message_is_retried_after_a_backoff_with_jitter()
    {
        var tenant = await NewTenantAsync();
        var id = await EnqueueAsync(tenant, FailOnceHandler.MessageType, "welcome mail");

        await DispatchAllDueAsync();
        var failed = await LoadAsync(id);
        var failedAt = fixture.Clock.GetUtcNow();

        failed.State.ShouldBe(OutboxMessageState.Retrying);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldBe("InvalidOperationException: mail server unavailable");
        // First retry: 2^1 × 5 s = 10 s, ±20 % jitter.
        failed.NextAttemptAt.ShouldBeInRange(failedAt.AddSeconds(8), failedAt.AddSeconds(12));

        fixture.Clock.Advance(TimeSpan.FromSeconds(7));
        await DispatchAllDueAsync();
        (await LoadAsync(id)).Attempts.ShouldBe(1);
        fixture.Probe.For([id]).ShouldBeEmpty();

        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        await DispatchAllDueAsync();
        var processed = await LoadAsync(id);
        processed.State.ShouldBe(OutboxMessageState.Processed);
        processed.Attempts.ShouldBe(2);
        processed.LastError.ShouldBeNull();
        fixture.Probe.For([id]).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_the_last_attempt_and_can_be_requeued()
    {
        var tenant = await NewTenantAsync();
        var id = await EnqueueAsync(tenant, AlwaysFailingHandler.MessageType, "nobody@example.test");

        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            await DispatchAllDueAsync();
            (await LoadAsync(id)).State.ShouldBe(OutboxMessageState.Retrying);
            fixture.Clock.Advance(TimeSpan.FromHours(2));
        }
        await DispatchAllDueAsync();

        var dead = await LoadAsync(id);
        dead.State.ShouldBe(OutboxMessageState.DeadLettered);
        dead.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
        dead.LastError.ShouldBe("InvalidOperationException: recipient nobody@example.test rejected");
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await DispatchAllDueAsync();
        (await LoadAsync(id)).Attempts.ShouldBe(OutboxMessage.MaxAttempts);

        var monitor = await fixture.InScopeAsync(null, async sp =>
        {
            var outbox = sp.GetRequiredService<IOutboxMonitor>();
            var deadLettered = await outbox.RecentDeadLetteredAsync(50);
            return (deadLettered, requeued: await outbox.RequeueAsync(id), again: await outbox.RequeueAsync(id));
        });
        monitor.deadLettered.ShouldContain(m => m.Id == id);
        monitor.requeued.ShouldBeTrue();
        monitor.again.ShouldBeFalse();
        var requeued = await LoadAsync(id);
        requeued.State.ShouldBe(OutboxMessageState.Pending);
        requeued.NextAttemptAt.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_message_of_a_type_nobody_handles_is_dead_lettered_with_the_reason()
    {
        var tenant = await NewTenantAsync();
        var id = await EnqueueAsync(tenant, "webhook.unknown", "x");

        await DispatchAllDueAsync();

        var dead = await LoadAsync(id);
        dead.State.ShouldBe(OutboxMessageState.DeadLettered);
        dead.LastError.ShouldBe("No handler is registered for outbox messages of type 'webhook.unknown'.");
    }

    [Fact]
    public async Task Two_dispatchers_in_parallel_never_handle_the_same_message_twice()
    {
        var tenant = await NewTenantAsync();
        var ids = await fixture.InScopeAsync(tenant, async sp =>
        {
            var outbox = sp.GetRequiredService<IOutbox>();
            for (var i = 0; i < 60; i++) outbox.Enqueue(RecordingHandler.MessageType, new TestPayload($"m{i}", DelayMs: 10));
            var db = sp.GetRequiredService<ErpDbContext>();
            var added = db.OutboxMessages.Local.Select(m => m.Id).ToList();
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return added;
        });
        await using var secondNode = fixture.SecondNode();

        await Task.WhenAll(
            Task.Run(() => DrainAsync(Dispatcher)),
            Task.Run(() => DrainAsync(secondNode.GetRequiredService<OutboxDispatcher>())));

        var handled = fixture.Probe.For(ids);
        handled.Select(h => h.MessageId).Order().ShouldBe(ids.Order());
        handled.Select(h => h.Node).Distinct().Order().ShouldBe(["first", "second"]);
        var states = await HostAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => new { m.ProcessedAt, m.Attempts }).ToListAsync());
        states.ShouldAllBe(s => s.ProcessedAt != null && s.Attempts == 1);

        static async Task DrainAsync(OutboxDispatcher dispatcher)
        {
            while (await dispatcher.DispatchBatchAsync(batchSize: 5) > 0)
            {
            }
        }
    }

    [Fact]
    public async Task The_monitor_counts_messages_by_state_and_is_closed_to_tenants()
    {
        var tenant = await NewTenantAsync();
        await EnqueueAsync(tenant, RecordingHandler.MessageType, "pending");

        var counts = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<IOutboxMonitor>().CountByStateAsync());
        var total = await HostAsync(db => db.OutboxMessages.CountAsync());
        var pending = await HostAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.Attempts == 0));

        counts.Values.Sum().ShouldBe(total);
        counts[OutboxMessageState.Pending].ShouldBe(pending);
        counts[OutboxMessageState.Pending].ShouldBeGreaterThan(0);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            fixture.InScopeAsync(tenant, sp => sp.GetRequiredService<IOutboxMonitor>().CountByStateAsync()));
    }

    [Fact]
    public async Task Processed_messages_older_than_the_retention_are_purged_in_every_tenant_and_dead_letters_stay()
    {
        var acme = await NewTenantAsync();
        var globex = await NewTenantAsync();
        var oldAcme = await EnqueueAsync(acme, RecordingHandler.MessageType, "old acme");
        var oldGlobex = await EnqueueAsync(globex, RecordingHandler.MessageType, "old globex");
        var unknown = await EnqueueAsync(acme, "test.nobody-handles-this", "dead letter");
        await DispatchAllDueAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(8));
        var recent = await EnqueueAsync(acme, RecordingHandler.MessageType, "recent");
        await DispatchAllDueAsync();

        await Dispatcher.PurgeProcessedAsync(TimeSpan.FromDays(7));

        var left = await HostAsync(db => db.OutboxMessages.Where(m => m.Id == oldAcme || m.Id == oldGlobex || m.Id == unknown || m.Id == recent)
            .Select(m => m.Id).ToListAsync());
        left.ShouldBe([unknown, recent], ignoreOrder: true);
    }

    private Task<Guid> NewTenantAsync() => fixture.Given.Tenant("obx-" + Guid.NewGuid().ToString("N")[..8]);

    private Task<Guid> EnqueueAsync(Guid tenant, string type, string text) =>
        fixture.InScopeAsync(tenant, async sp =>
        {
            sp.GetRequiredService<IOutbox>().Enqueue(type, new TestPayload(text));
            var id = sp.GetRequiredService<ErpDbContext>().OutboxMessages.Local.Single().Id;
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return id;
        });

    private Task DispatchAllDueAsync() => Dispatcher.DispatchDueAsync();

    private Task<OutboxMessage> LoadAsync(Guid id) => HostAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<T> HostAsync<T>(Func<ErpDbContext, Task<T>> query) =>
        fixture.InScopeAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            using (db.DisableTenantFilter())
            {
                return await query(db);
            }
        });
}
