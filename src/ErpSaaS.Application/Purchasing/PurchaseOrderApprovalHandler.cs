using ErpSaaS.Approvals;
using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

/// <summary>
/// Purchasing's side of the approval engine for purchase orders, inside the decider's transaction: an approved order
/// becomes approved and counts as on order at once; a rejected one is a draft again with the reason on its timeline.
/// </summary>
public sealed class PurchaseOrderApprovalHandler(IPurchasingRepository repository, PurchasingPosting posting, PurchasingActors actors) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.PurchaseOrder;

    public async Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(decision, cancellationToken);
        order.Approve(await actors.OfAsync(decision, cancellationToken), decision.Comment);
        await posting.ExpectAsync(order, cancellationToken);
    }

    public async Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(decision, cancellationToken);
        order.Reject(await actors.OfAsync(decision, cancellationToken), decision.Comment);
    }

    private async Task<PurchaseOrder> LoadAsync(ApprovalDecision decision, CancellationToken cancellationToken) =>
        await repository.GetOrderAsync(decision.DocumentId, cancellationToken);
}
