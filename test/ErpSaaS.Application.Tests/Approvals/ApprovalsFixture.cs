using System.Collections.Concurrent;
using ErpSaaS.Approvals;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Approvals;

/// <summary>
/// The application over a fresh database, with a stand-in purchase-order module: a decision handler that writes down
/// what the engine told it, the way the real module would move its document to approved or back to draft.
/// </summary>
public sealed class ApprovalsFixture : ErpTestFixture
{
    public DecisionLog Decisions { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Decisions);
        services.AddScoped<IApprovalDecisionHandler, RecordingPurchaseOrderHandler>();
    }
}

public sealed record RecordedDecision(Guid DocumentId, bool Approved, ApprovalDecision Decision);

public sealed class DecisionLog
{
    private readonly ConcurrentQueue<RecordedDecision> _decisions = new();

    public void Add(RecordedDecision decision) => _decisions.Enqueue(decision);

    public IReadOnlyList<RecordedDecision> For(Guid documentId) => [.. _decisions.Where(d => d.DocumentId == documentId)];
}

public sealed class RecordingPurchaseOrderHandler(DecisionLog log) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.PurchaseOrder;

    public Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        log.Add(new RecordedDecision(decision.DocumentId, true, decision));
        return Task.CompletedTask;
    }

    public Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        log.Add(new RecordedDecision(decision.DocumentId, false, decision));
        return Task.CompletedTask;
    }
}
