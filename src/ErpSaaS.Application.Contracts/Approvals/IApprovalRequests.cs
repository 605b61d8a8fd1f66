namespace ErpSaaS.Approvals;

/// <summary>
/// What a flow's step conditions look at (amount ≥ X, discount ≥ Y %, partner category, warehouse). A fact the
/// document does not have stays null, and a condition on it is then false. A document whose lines lie in several
/// warehouses (a stock adjustment) names them all in <see cref="Warehouses"/>: a warehouse condition holds when any is it.
/// </summary>
public sealed record ApprovalFacts(
    decimal? Amount = null, decimal? DiscountPercent = null, string? PartnerCategory = null, Guid? WarehouseId = null, IReadOnlyList<Guid>? Warehouses = null);

/// <summary>A document put up for approval: what it is, how it is shown in the inbox and where it opens.</summary>
public sealed record ApprovalSubmission(ApprovalDocumentType DocumentType, Guid DocumentId, string DocumentNumber, string Summary, string Url, ApprovalFacts Facts);

/// <summary>
/// <see cref="Approved"/>: no step applies to the document (no flow, or every condition false), so the caller
/// approves it at once; <see cref="Pending"/>: it waits for approvers, and the caller's
/// <see cref="IApprovalDecisionHandler"/> hears the outcome.
/// </summary>
public enum ApprovalSubmissionResult
{
    Approved = 1,
    Pending = 2,
}

/// <summary>
/// The approval engine as the document modules use it. Every call joins the caller's unit of work (call it inside
/// <c>IUnitOfWork.InTransactionAsync</c>), so a document and its request change together or not at all.
/// </summary>
public interface IApprovalRequests
{
    /// <summary>
    /// Starts approval of a document for the current user. An earlier request for the same document (rejected or
    /// withdrawn) stays in the history; approval starts over from the first step.
    /// </summary>
    Task<ApprovalSubmissionResult> SubmitAsync(ApprovalSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The document was cancelled while waiting: its pending request is withdrawn and leaves every inbox.</summary>
    Task WithdrawAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>The document's latest request with its steps, for the document page; null when it was never submitted.</summary>
    Task<ApprovalRequestDto?> FindAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default);
}

/// <summary>A decision that ended a request: who decided, when, and the comment (a rejection's reason).</summary>
public sealed record ApprovalDecision(Guid DocumentId, Guid? DeciderId, string? DeciderName, DateTimeOffset At, string? Comment);

/// <summary>
/// A document module's side of the engine, one per document type: called inside the decider's transaction when a
/// request ends, so the document moves to approved (or back to draft) together with the request.
/// </summary>
public interface IApprovalDecisionHandler
{
    ApprovalDocumentType DocumentType { get; }

    Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default);

    Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default);
}

public sealed record ApprovalRequestDto(
    Guid Id, ApprovalDocumentType DocumentType, Guid DocumentId, string DocumentNumber, ApprovalRequestStatus Status,
    DateTimeOffset SubmittedAt, string? SubmitterName, DateTimeOffset? EndedAt, IReadOnlyList<ApprovalStepDto> Steps);

/// <summary>One step as the document page shows it: who may approve, by when, and what happened.</summary>
public sealed record ApprovalStepDto(
    int Order, string Name, ApprovalStepStatus Status, IReadOnlyList<string> Approvers, DateTimeOffset? DueAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);
