namespace ErpSaaS.Approvals;

/// <summary>Pending approvals and their time limits against the clock, read in one query for any number of documents.</summary>
public sealed class ApprovalDeadlines(IApprovalQueries queries, TimeProvider clock) : IApprovalDeadlines
{
    public async Task<IReadOnlyList<PendingApprovalDto>> GetPendingAsync(
        IReadOnlyCollection<ApprovalDocumentType> documentTypes, IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        if (documentTypes.Count == 0 || documentIds.Count == 0) return [];
        return await queries.GetPendingStepsAsync(documentTypes, documentIds, clock.GetUtcNow(), overdueOnly: false, cancellationToken);
    }

    public Task<IReadOnlyList<PendingApprovalDto>> GetOverdueAsync(CancellationToken cancellationToken = default) =>
        queries.GetPendingStepsAsync(null, null, clock.GetUtcNow(), overdueOnly: true, cancellationToken);
}
