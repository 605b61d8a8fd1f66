using ErpSaaS.Common;

namespace ErpSaaS.Approvals;

/// <summary>The engine's read side (no tracking), always within the current company.</summary>
public interface IApprovalQueries
{
    Task<ApprovalRequest?> FindLatestAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default);
    Task<ApprovalRequest?> FindAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <param name="approverIds">The user and everyone they stand in for today.</param>
    Task<PagedResult<ApprovalInboxItemDto>> GetPendingAsync(Guid userId, IReadOnlyCollection<Guid> approverIds, ApprovalInboxQuery query, CancellationToken cancellationToken = default);
    Task<int> CountPendingAsync(IReadOnlyCollection<Guid> approverIds, CancellationToken cancellationToken = default);
    Task<PagedResult<ApprovalHistoryItemDto>> GetDecidedAsync(Guid userId, ApprovalInboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>Submitted and approved moments of the requests approved since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<(DateTimeOffset SubmittedAt, DateTimeOffset ApprovedAt)>> GetApprovedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pending requests with their active step (one query): of these types and documents when given, and only those
    /// whose step was due before <paramref name="overdueAt"/> when given.
    /// </summary>
    Task<IReadOnlyList<PendingApprovalDto>> GetPendingStepsAsync(
        IReadOnlyCollection<ApprovalDocumentType>? documentTypes, IReadOnlyCollection<Guid>? documentIds, DateTimeOffset now, bool overdueOnly,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApprovalFlow>> GetFlowsAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalOptionDto>> GetRolesAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalOptionDto>> GetActiveUsersAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalOptionDto>> GetWarehousesAsync(CancellationToken cancellationToken = default);
}
