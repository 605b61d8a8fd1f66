namespace ErpSaaS.Approvals;

/// <summary>
/// A pending approval request and its active step's time limit: <see cref="DueAt"/> is null for a step without SLA
/// hours; <see cref="IsOverdue"/> says the limit passed (now, by the clock) while the step still waits.
/// </summary>
public sealed record PendingApprovalDto(
    ApprovalDocumentType DocumentType, Guid DocumentId, Guid RequestId, string DocumentNumber, string Summary, string Url,
    string StepName, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, bool IsOverdue);

/// <summary>
/// The time limits of pending approvals, as document modules and monitoring read them: for many documents in one
/// query, never one query per document. Callers authorize their own user (like <see cref="IApprovalRequests"/>).
/// </summary>
public interface IApprovalDeadlines
{
    /// <summary>The pending requests of these documents of these types, with their active step's due time.</summary>
    Task<IReadOnlyList<PendingApprovalDto>> GetPendingAsync(
        IReadOnlyCollection<ApprovalDocumentType> documentTypes, IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default);

    /// <summary>Every pending request of the company whose active step is past its SLA now, the longest overdue first.</summary>
    Task<IReadOnlyList<PendingApprovalDto>> GetOverdueAsync(CancellationToken cancellationToken = default);
}
