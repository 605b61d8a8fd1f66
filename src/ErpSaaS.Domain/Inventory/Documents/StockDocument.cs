using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Inventory.Documents;

/// <summary>Who changes a document and when: the user, the moment (UTC) and the company's calendar date at that moment.</summary>
public sealed record StockDocumentActor(Guid? UserId, string? UserName, DateTimeOffset At, DateOnly Today);

/// <summary>
/// What the four stock documents share: a gap-free number, a status that only moves forward, a timeline of every
/// status change (who, when, why) and the request id that makes a double-submitted create form land once. A document
/// changes only while it is a draft (a count also while it is being counted); posted and cancelled ones are final.
/// Every change counts up <see cref="Revision"/>, so the header row (and its version) changes with it and a stale edit
/// is caught even when only lines changed.
/// </summary>
public abstract class StockDocument : AggregateRoot, IMultiTenant
{
    private readonly List<StockDocumentEvent> _timeline = [];

    protected StockDocument() { }

    protected StockDocument(StockDocumentKind kind, string number, Guid requestId, string? comment, StockDocumentActor actor)
    {
        Kind = kind;
        Number = number;
        // Callers without a form token (the API) still get a unique one: their retries are theirs to make safe.
        RequestId = requestId == Guid.Empty ? Guid.CreateVersion7() : requestId;
        Comment = NormalizeComment(comment);
        Status = StockDocumentStatus.Draft;
        CreatedAt = actor.At;
        ChangedAt = actor.At;
        _timeline.Add(new StockDocumentEvent(Id, StockDocumentStatus.Draft, actor, null));
    }

    public Guid? TenantId { get; private set; }
    public StockDocumentKind Kind { get; private set; }
    public string Number { get; private set; } = null!;
    public StockDocumentStatus Status { get; private set; }

    /// <summary>The create form's one-time token: the same token twice finds the document the first submit made.</summary>
    public Guid RequestId { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>How many times the document changed: what makes the row's version move when only its lines did.</summary>
    public int Revision { get; private set; }
    public DateTimeOffset? PostedAt { get; private set; }
    public IReadOnlyList<StockDocumentEvent> Timeline => _timeline;

    public bool IsFinal => Status is StockDocumentStatus.Posted or StockDocumentStatus.Cancelled;

    /// <summary>
    /// Refuses an edit made on a copy of the document older than the stored one. When the document has been posted or
    /// cancelled since, that is what the user needs to hear, not just that someone else changed it.
    /// </summary>
    public void CheckVersion(uint expected)
    {
        if (expected == Version) return;
        throw IsFinal ? new BusinessException(StockDocumentErrorCodes.NotEditable, Number) : new BusinessException(ErrorCodes.ConcurrencyConflict);
    }

    public void ChangeComment(string? comment, StockDocumentActor actor)
    {
        EnsureDraft();
        Comment = NormalizeComment(comment);
        Touch(actor);
    }

    /// <summary>Withdraws a document that was never posted; the number stays used, so numbering keeps no gaps.</summary>
    public void Cancel(StockDocumentActor actor, string? reason)
    {
        if (IsFinal) throw new BusinessException(StockDocumentErrorCodes.StatusChangeNotAllowed, Number);
        MoveTo(StockDocumentStatus.Cancelled, actor, NormalizeComment(reason));
    }

    protected void EnsureDraft()
    {
        if (Status != StockDocumentStatus.Draft) throw new BusinessException(StockDocumentErrorCodes.NotEditable, Number);
    }

    protected void MoveTo(StockDocumentStatus status, StockDocumentActor actor, string? comment = null)
    {
        Status = status;
        if (status == StockDocumentStatus.Posted) PostedAt = actor.At;
        _timeline.Add(new StockDocumentEvent(Id, status, actor, comment));
        Touch(actor);
    }

    protected void Touch(StockDocumentActor actor)
    {
        ChangedAt = actor.At;
        Revision++;
    }

    protected static string? NormalizeComment(string? comment)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is { Length: > StockDocumentConsts.MaxCommentLength })
        {
            throw BusinessException.ForField(nameof(Comment), StockDocumentErrorCodes.CommentTooLong, StockDocumentConsts.MaxCommentLength);
        }
        return trimmed;
    }
}

/// <summary>One step of a document's timeline (单据轨迹): the status it reached, who moved it there, when and why.</summary>
public sealed class StockDocumentEvent : Entity, IMultiTenant
{
    private StockDocumentEvent() { }

    internal StockDocumentEvent(Guid documentId, StockDocumentStatus status, StockDocumentActor actor, string? comment)
    {
        DocumentId = documentId;
        Status = status;
        At = actor.At;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Comment = comment;
    }

    public Guid? TenantId { get; private set; }
    public Guid DocumentId { get; private set; }
    public StockDocumentStatus Status { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Comment { get; private set; }
}
