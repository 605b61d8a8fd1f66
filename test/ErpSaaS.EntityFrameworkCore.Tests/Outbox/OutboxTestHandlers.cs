using System.Collections.Concurrent;
using ErpSaaS.Outbox;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Tests.Outbox;

/// <summary>The application's services plus test handlers that record what they saw.</summary>
public sealed class OutboxFixture : ErpTestFixture
{
    public OutboxProbe Probe { get; } = new();

    /// <summary>Another instance of the application (a second web node) over the same database.</summary>
    public ServiceProvider SecondNode()
    {
        var services = BuildServices(TestConfiguration(DatabaseName), Clock, s =>
        {
            AddTestHandlers(s);
            s.AddSingleton(new NodeName("second"));
        });
        return services;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        AddTestHandlers(services);
        services.AddSingleton(new NodeName("first"));
    }

    private void AddTestHandlers(IServiceCollection services)
    {
        services.AddSingleton(Probe);
        services.AddOutboxHandler<RecordingHandler>();
        services.AddOutboxHandler<FailOnceHandler>();
        services.AddOutboxHandler<AlwaysFailingHandler>();
    }
}

public sealed record NodeName(string Value);

public sealed record TestPayload(string Text, int DelayMs = 0);

/// <summary>What a handler saw when it ran: its tenant, and the tenants of the rows its own DbContext returned.</summary>
public sealed record HandledMessage(Guid MessageId, string Text, string Node, Guid? CurrentTenant, IReadOnlyList<Guid?> RoleTenantsSeen, IReadOnlyList<Guid?> RoleTenantsSeenBySql);

public sealed class OutboxProbe
{
    public ConcurrentQueue<HandledMessage> Handled { get; } = new();

    public IReadOnlyList<HandledMessage> For(IEnumerable<Guid> messageIds)
    {
        var ids = messageIds.ToHashSet();
        return Handled.Where(h => ids.Contains(h.MessageId)).ToList();
    }
}

public sealed class RecordingHandler(ICurrentTenant currentTenant, ErpDbContext db, OutboxProbe probe, NodeName node) : OutboxHandler<TestPayload>
{
    public const string MessageType = "test.record";

    public override string Type => MessageType;

    protected override async Task HandleAsync(TestPayload payload, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (payload.DelayMs > 0) await Task.Delay(payload.DelayMs, cancellationToken);
        var seen = await db.Roles.Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken);
        var seenBySql = await db.Database.SqlQueryRaw<Guid?>("SELECT DISTINCT tenant_id AS \"Value\" FROM roles").ToListAsync(cancellationToken);
        probe.Handled.Enqueue(new HandledMessage(message.Id, payload.Text, node.Value, currentTenant.Id, seen, seenBySql));
    }
}

/// <summary>Fails on the first attempt (the mail server was down), succeeds on the next.</summary>
public sealed class FailOnceHandler(OutboxProbe probe, NodeName node) : OutboxHandler<TestPayload>
{
    public const string MessageType = "test.fail-once";

    public override string Type => MessageType;

    protected override Task HandleAsync(TestPayload payload, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Attempts == 0) throw new InvalidOperationException("mail server unavailable");
        probe.Handled.Enqueue(new HandledMessage(message.Id, payload.Text, node.Value, null, [], []));
        return Task.CompletedTask;
    }
}

public sealed class AlwaysFailingHandler : OutboxHandler<TestPayload>
{
    public const string MessageType = "test.fail";

    public override string Type => MessageType;

    protected override Task HandleAsync(TestPayload payload, OutboxMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"recipient {payload.Text} rejected");
}
