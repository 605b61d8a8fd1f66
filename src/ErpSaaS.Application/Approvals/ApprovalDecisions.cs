using ErpSaaS.Common;

namespace ErpSaaS.Approvals;

/// <summary>Tells the document's module how its request ended, inside the decider's transaction.</summary>
public sealed class ApprovalDecisions(IEnumerable<IApprovalDecisionHandler> handlers)
{
    public async Task ApprovedAsync(ApprovalRequest request, ApprovalActor actor, string? comment, CancellationToken cancellationToken) =>
        await HandlerFor(request.DocumentType).ApprovedAsync(Decision(request, actor, comment), cancellationToken);

    public async Task RejectedAsync(ApprovalRequest request, ApprovalActor actor, string? reason, CancellationToken cancellationToken) =>
        await HandlerFor(request.DocumentType).RejectedAsync(Decision(request, actor, reason), cancellationToken);

    private static ApprovalDecision Decision(ApprovalRequest request, ApprovalActor actor, string? comment) =>
        new(request.DocumentId, actor.UserId, actor.UserName, actor.At, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());

    // A request exists only because a module submitted its document, and that module registers its handler.
    private IApprovalDecisionHandler HandlerFor(ApprovalDocumentType type) =>
        handlers.LastOrDefault(h => h.DocumentType == type)
        ?? throw new InvalidOperationException($"No {nameof(IApprovalDecisionHandler)} is registered for {type}.");
}
