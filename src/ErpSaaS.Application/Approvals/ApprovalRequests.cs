using ErpSaaS.Common;
using ErpSaaS.Features;

namespace ErpSaaS.Approvals;

/// <summary>
/// The engine as document modules call it, inside their own transaction. Without approval flows in the plan, or when
/// no step applies, a document is approved at once (and no request is kept when the type has no flow at all).
/// </summary>
public sealed class ApprovalRequests(
    IFeatureChecker features, IApprovalRepository repository, IApprovalQueries queries, ApprovalPlanner planner, ApprovalClock clock)
    : IApprovalRequests
{
    public async Task<ApprovalSubmissionResult> SubmitAsync(ApprovalSubmission submission, CancellationToken cancellationToken = default)
    {
        var submitter = clock.Actor();
        var submitterId = clock.UserId;
        if (await repository.FindPendingAsync(submission.DocumentType, submission.DocumentId, cancellationToken) is not null)
        {
            throw new BusinessException(Errors.ApprovalErrorCodes.AlreadyPending, submission.DocumentNumber);
        }
        if (!await features.IsEnabledAsync(ErpFeatures.ApprovalFlows, cancellationToken)) return ApprovalSubmissionResult.Approved;
        var flow = await repository.FindFlowAsync(submission.DocumentType, cancellationToken);
        if (flow is null || flow.Steps.Count == 0) return ApprovalSubmissionResult.Approved;
        var facts = submission.Facts;
        var plan = await planner.PlanAsync(flow, facts.Amount, facts.DiscountPercent, facts.PartnerCategory, facts.WarehouseId, submitterId,
            facts.Warehouses, cancellationToken);
        var request = new ApprovalRequest(submission.DocumentType, submission.DocumentId, submission.DocumentNumber, submission.Summary, submission.Url, plan, submitter);
        repository.Add(request);
        return request.Status == ApprovalRequestStatus.Approved ? ApprovalSubmissionResult.Approved : ApprovalSubmissionResult.Pending;
    }

    public async Task WithdrawAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default)
    {
        if (await repository.FindPendingAsync(documentType, documentId, cancellationToken) is { } request) request.Withdraw(clock.Actor());
    }

    public async Task<ApprovalRequestDto?> FindAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default) =>
        await queries.FindLatestAsync(documentType, documentId, cancellationToken) is { } request ? ApprovalRequestMapping.ToDto(request) : null;
}
