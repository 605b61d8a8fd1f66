using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Approvals;

/// <summary>Who acts on a request and when: the signed-in user (a delegate acts as themselves, for someone else).</summary>
public sealed record ApprovalActor(Guid? UserId, string? UserName, DateTimeOffset At);

/// <summary>A person who may approve a step, as resolved when the document was submitted.</summary>
public sealed record ApproverRef(Guid UserId, string Name);

/// <summary>A step of the flow as it applies to one document: skipped (condition false) or with its approvers.</summary>
public sealed record PlannedStep(string Name, ApprovalStepMode Mode, int? SlaHours, bool Applies, IReadOnlyList<ApproverRef> Approvers);

/// <summary>
/// One document's way through its flow. The steps that apply are decided one after the other: only the active step can
/// be approved or rejected, by one of its undecided approvers. Approving the last step approves the request; rejecting
/// any step rejects it (with a reason). A request that ended stays as it is; a resubmitted document starts a new one.
/// Every change counts up <see cref="Revision"/> so two approvers deciding at once cannot both win (xmin).
/// </summary>
public sealed class ApprovalRequest : AggregateRoot, IMultiTenant
{
    private readonly List<ApprovalRequestStep> _steps = [];
    private readonly List<ApprovalRequestEvent> _events = [];

    private ApprovalRequest() { }

    public ApprovalRequest(
        ApprovalDocumentType documentType, Guid documentId, string documentNumber, string summary, string url, IReadOnlyList<PlannedStep> plan,
        ApprovalActor submitter)
    {
        DocumentType = documentType;
        DocumentId = documentId;
        DocumentNumber = Truncate(documentNumber, ApprovalConsts.MaxDocumentNumberLength)!;
        Summary = Truncate(summary, ApprovalConsts.MaxSummaryLength)!;
        Url = Truncate(url, ApprovalConsts.MaxUrlLength)!;
        SubmitterId = submitter.UserId;
        SubmitterName = submitter.UserName;
        SubmittedAt = submitter.At;
        Status = ApprovalRequestStatus.Pending;
        var order = 1;
        foreach (var planned in plan)
        {
            _steps.Add(new ApprovalRequestStep(Id, order++, planned));
        }
        _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Submitted, null, submitter, null));
        ActivateNext(submitter);
    }

    public Guid? TenantId { get; private set; }
    public ApprovalDocumentType DocumentType { get; private set; }
    public Guid DocumentId { get; private set; }
    public string DocumentNumber { get; private set; } = null!;
    public string Summary { get; private set; } = null!;
    public string Url { get; private set; } = null!;
    public ApprovalRequestStatus Status { get; private set; }
    public Guid? SubmitterId { get; private set; }
    public string? SubmitterName { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>When the request was approved, rejected or withdrawn: submitted → ended is the approval cycle time.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    public int Revision { get; private set; }
    public IReadOnlyList<ApprovalRequestStep> Steps => _steps.OrderBy(s => s.Order).ToList();
    // OrderBy is stable: events of the same instant keep the order they happened in (version-7 ids do not sort within a millisecond).
    public IReadOnlyList<ApprovalRequestEvent> Events => _events.OrderBy(e => e.At).ToList();

    public ApprovalRequestStep? ActiveStep => _steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Active);

    public void CheckVersion(uint expected)
    {
        if (expected != Version) throw new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    /// <summary>Whether <paramref name="userId"/> is an undecided approver of the active step.</summary>
    public bool AwaitsDecisionOf(Guid userId) => ActiveStep?.UndecidedApprover(userId) is not null;

    /// <summary>
    /// <paramref name="approverId"/> approves the active step (<paramref name="actor"/> is who clicked: the approver or
    /// their delegate). Returns true when that approved the whole request.
    /// </summary>
    public bool Approve(Guid approverId, ApprovalActor actor, string? comment)
    {
        var (step, approver) = Decidable(approverId);
        approver.Decide(ApproverDecision.Approved, actor, NormalizeComment(comment));
        _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Approved, step.Order, actor, approver.Comment, OnBehalfOf(approver)));
        if (step.IsApproved)
        {
            step.Close(ApprovalStepStatus.Approved, actor.At);
            ActivateNext(actor);
        }
        Revision++;
        return Status == ApprovalRequestStatus.Approved;
    }

    /// <summary>Rejects the request at its active step; a rejection needs a reason, which the submitter reads.</summary>
    public void Reject(Guid approverId, ApprovalActor actor, string? reason)
    {
        var normalized = NormalizeComment(reason) ?? throw BusinessException.ForField("Comment", ApprovalErrorCodes.ReasonRequired);
        var (step, approver) = Decidable(approverId);
        approver.Decide(ApproverDecision.Rejected, actor, normalized);
        _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Rejected, step.Order, actor, normalized, OnBehalfOf(approver)));
        step.Close(ApprovalStepStatus.Rejected, actor.At);
        End(ApprovalRequestStatus.Rejected, actor.At);
    }

    /// <summary>The document was cancelled while it waited: the request leaves every inbox.</summary>
    public void Withdraw(ApprovalActor actor)
    {
        EnsurePending();
        _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Withdrawn, ActiveStep?.Order, actor, null));
        End(ApprovalRequestStatus.Withdrawn, actor.At);
    }

    /// <summary>
    /// The active step is past its time limit: its undecided approvers were reminded and the next level
    /// (<paramref name="escalateTo"/>) may now decide it too, alone. Happens once per step.
    /// </summary>
    public void Escalate(IReadOnlyList<ApproverRef> escalateTo, DateTimeOffset at)
    {
        var step = ActiveStep;
        if (Status != ApprovalRequestStatus.Pending || step is null || step.EscalatedAt is not null) return;
        step.Escalate(escalateTo, at);
        _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Escalated, step.Order, new ApprovalActor(null, null, at),
            string.Join(", ", escalateTo.Select(a => a.Name))));
        Revision++;
    }

    private (ApprovalRequestStep Step, ApprovalStepApprover Approver) Decidable(Guid approverId)
    {
        EnsurePending();
        var step = ActiveStep ?? throw new BusinessException(ApprovalErrorCodes.NotPending, DocumentNumber);
        var approver = step.UndecidedApprover(approverId) ?? throw new BusinessException(ApprovalErrorCodes.NotAnApprover, DocumentNumber);
        return (step, approver);
    }

    private void ActivateNext(ApprovalActor actor)
    {
        var next = _steps.Where(s => s.Status == ApprovalStepStatus.Waiting).OrderBy(s => s.Order).FirstOrDefault();
        if (next is null)
        {
            _events.Add(new ApprovalRequestEvent(Id, ApprovalRequestEventKind.Completed, null, actor, null));
            End(ApprovalRequestStatus.Approved, actor.At);
            return;
        }
        next.Activate(actor.At);
    }

    private void End(ApprovalRequestStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        foreach (var step in _steps.Where(s => s.Status == ApprovalStepStatus.Active)) step.Close(ApprovalStepStatus.Waiting, null);
        Revision++;
    }

    private void EnsurePending()
    {
        if (Status != ApprovalRequestStatus.Pending) throw new BusinessException(ApprovalErrorCodes.NotPending, DocumentNumber);
    }

    private static string? OnBehalfOf(ApprovalStepApprover approver) => approver.DecidedByDelegate ? approver.UserName : null;

    internal static string? NormalizeComment(string? comment)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > ApprovalConsts.MaxCommentLength })
        {
            throw BusinessException.ForField("Comment", ApprovalErrorCodes.CommentTooLong, ApprovalConsts.MaxCommentLength);
        }
        return trimmed;
    }

    private static string? Truncate(string? value, int length) => value is { Length: var l } && l > length ? value[..length] : value;
}

public sealed class ApprovalRequestStep : Entity, IMultiTenant
{
    private readonly List<ApprovalStepApprover> _approvers = [];

    private ApprovalRequestStep() { }

    internal ApprovalRequestStep(Guid requestId, int order, PlannedStep planned)
    {
        RequestId = requestId;
        Order = order;
        Name = planned.Name;
        Mode = planned.Mode;
        SlaHours = planned.SlaHours;
        Status = planned.Applies ? ApprovalStepStatus.Waiting : ApprovalStepStatus.Skipped;
        if (planned.Applies)
        {
            foreach (var approver in planned.Approvers.DistinctBy(a => a.UserId)) _approvers.Add(new ApprovalStepApprover(Id, approver, escalated: false));
        }
    }

    public Guid? TenantId { get; private set; }
    public Guid RequestId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = null!;
    public ApprovalStepMode Mode { get; private set; }
    public ApprovalStepStatus Status { get; private set; }
    public int? SlaHours { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public IReadOnlyList<ApprovalStepApprover> Approvers => _approvers;

    /// <summary>
    /// Any-one: one approval suffices. All-of: every approver named by the flow approves, unless the step was escalated
    /// and someone of the next level approved: they decide for the level below.
    /// </summary>
    internal bool IsApproved => Mode == ApprovalStepMode.AnyOne
        ? _approvers.Any(a => a.Decision == ApproverDecision.Approved)
        : _approvers.Any(a => a.IsEscalation && a.Decision == ApproverDecision.Approved)
          || _approvers.Where(a => !a.IsEscalation).All(a => a.Decision == ApproverDecision.Approved);

    internal ApprovalStepApprover? UndecidedApprover(Guid userId) => _approvers.FirstOrDefault(a => a.UserId == userId && a.Decision is null);

    internal void Activate(DateTimeOffset at)
    {
        Status = ApprovalStepStatus.Active;
        ActivatedAt = at;
        DueAt = SlaHours is { } hours ? at.AddHours(hours) : null;
    }

    internal void Close(ApprovalStepStatus status, DateTimeOffset? at)
    {
        Status = status;
        DecidedAt = at;
    }

    internal void Escalate(IReadOnlyList<ApproverRef> escalateTo, DateTimeOffset at)
    {
        EscalatedAt = at;
        foreach (var approver in escalateTo.Where(a => _approvers.All(existing => existing.UserId != a.UserId)).DistinctBy(a => a.UserId))
        {
            _approvers.Add(new ApprovalStepApprover(Id, approver, escalated: true));
        }
    }
}

/// <summary>One approver of a step and what they (or their delegate, recorded as decider) decided.</summary>
public sealed class ApprovalStepApprover : Entity, IMultiTenant
{
    private ApprovalStepApprover() { }

    internal ApprovalStepApprover(Guid stepId, ApproverRef approver, bool escalated)
    {
        StepId = stepId;
        UserId = approver.UserId;
        UserName = approver.Name;
        IsEscalation = escalated;
    }

    public Guid? TenantId { get; private set; }
    public Guid StepId { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = null!;

    /// <summary>Added when the step passed its time limit: the next level up.</summary>
    public bool IsEscalation { get; private set; }
    public ApproverDecision? Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>Someone else decided in this approver's place (their delegate while they were absent).</summary>
    public bool DecidedByDelegate => DecidedById is { } decider && decider != UserId;

    internal void Decide(ApproverDecision decision, ApprovalActor actor, string? comment)
    {
        Decision = decision;
        DecidedAt = actor.At;
        DecidedById = actor.UserId;
        DecidedByName = actor.UserName;
        Comment = comment;
    }
}

/// <summary>An entry of the request's trail (submitted, approved, rejected, reminded, escalated ...): who, when, why.</summary>
public sealed class ApprovalRequestEvent : Entity, IMultiTenant
{
    private ApprovalRequestEvent() { }

    internal ApprovalRequestEvent(Guid requestId, ApprovalRequestEventKind kind, int? stepOrder, ApprovalActor actor, string? comment, string? onBehalfOf = null)
    {
        OnBehalfOf = onBehalfOf;
        RequestId = requestId;
        Kind = kind;
        StepOrder = stepOrder;
        At = actor.At;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Comment = comment is { Length: > ApprovalConsts.MaxCommentLength } ? comment[..ApprovalConsts.MaxCommentLength] : comment;
    }

    public Guid? TenantId { get; private set; }
    public Guid RequestId { get; private set; }
    public ApprovalRequestEventKind Kind { get; private set; }
    public int? StepOrder { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The approver a delegate decided for ("X for Y": <see cref="UserName"/> for this one).</summary>
    public string? OnBehalfOf { get; private set; }
}
