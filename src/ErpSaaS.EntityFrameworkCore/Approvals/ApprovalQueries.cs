using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Approvals;

internal sealed class ApprovalQueries(ErpDbContext db) : IApprovalQueries
{
    // Flat rows (member-initialized) so EF can filter, sort and page them in SQL before they become DTOs.
    private sealed class InboxRow
    {
        public Guid RequestId { get; init; }
        public ApprovalDocumentType DocumentType { get; init; }
        public string DocumentNumber { get; init; } = null!;
        public string Summary { get; init; } = null!;
        public string Url { get; init; } = null!;
        public string? SubmitterName { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string StepName { get; init; } = null!;
        public DateTimeOffset? DueAt { get; init; }
        public string? OnBehalfOf { get; init; }
        public uint Version { get; init; }
    }

    private sealed class HistoryRow
    {
        public Guid ApproverId { get; init; }
        public Guid RequestId { get; init; }
        public ApprovalDocumentType DocumentType { get; init; }
        public string DocumentNumber { get; init; } = null!;
        public string Summary { get; init; } = null!;
        public string Url { get; init; } = null!;
        public string? SubmitterName { get; init; }
        public string StepName { get; init; } = null!;
        public ApproverDecision Decision { get; init; }
        public DateTimeOffset DecidedAt { get; init; }
        public string? Comment { get; init; }
        public string? OnBehalfOf { get; init; }
        public ApprovalRequestStatus RequestStatus { get; init; }
    }

    private static readonly SortMap<InboxRow> InboxSort = new SortMap<InboxRow>("submitted", false, r => r.RequestId)
        .Add("submitted", r => r.SubmittedAt)
        .Add("number", r => r.DocumentNumber)
        .Add("type", r => r.DocumentType)
        .Add("due", r => r.DueAt);

    private static readonly SortMap<HistoryRow> HistorySort = new SortMap<HistoryRow>("decided", true, r => r.ApproverId)
        .Add("decided", r => r.DecidedAt)
        .Add("number", r => r.DocumentNumber)
        .Add("type", r => r.DocumentType);

    public Task<ApprovalRequest?> FindLatestAsync(ApprovalDocumentType documentType, Guid documentId, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalRequest>().AsNoTracking().AsSplitQuery()
            .Where(r => r.DocumentType == documentType && r.DocumentId == documentId)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<ApprovalRequest?> FindAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        db.Set<ApprovalRequest>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    public Task<PagedResult<ApprovalInboxItemDto>> GetPendingAsync(
        Guid userId, IReadOnlyCollection<Guid> approverIds, ApprovalInboxQuery query, CancellationToken cancellationToken = default) =>
        InboxSort.Apply(Pending(userId, approverIds, query), query.Sort, query.Desc).ToPageAsync(query, r => new ApprovalInboxItemDto(
            r.RequestId, r.DocumentType, r.DocumentNumber, r.Summary, r.Url, r.SubmitterName, r.SubmittedAt, r.StepName, r.DueAt, r.OnBehalfOf, r.Version),
            cancellationToken);

    public Task<int> CountPendingAsync(IReadOnlyCollection<Guid> approverIds, CancellationToken cancellationToken = default) =>
        Pending(Guid.Empty, approverIds, new ApprovalInboxQuery()).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<PendingApprovalDto>> GetPendingStepsAsync(
        IReadOnlyCollection<ApprovalDocumentType>? documentTypes, IReadOnlyCollection<Guid>? documentIds, DateTimeOffset now, bool overdueOnly,
        CancellationToken cancellationToken = default)
    {
        var rows = from request in db.Set<ApprovalRequest>().AsNoTracking().IgnoreAutoIncludes()
                   join step in db.Set<ApprovalRequestStep>().IgnoreAutoIncludes() on request.Id equals step.RequestId
                   where request.Status == ApprovalRequestStatus.Pending && step.Status == ApprovalStepStatus.Active
                   select new { request, step.Name, step.DueAt };
        if (documentTypes is not null)
        {
            var types = documentTypes.ToList();
            rows = rows.Where(r => types.Contains(r.request.DocumentType));
        }
        if (documentIds is not null)
        {
            var ids = documentIds.ToList();
            rows = rows.Where(r => ids.Contains(r.request.DocumentId));
        }
        if (overdueOnly) rows = rows.Where(r => r.DueAt < now);
        var found = await rows.OrderBy(r => r.DueAt).ThenBy(r => r.request.Id).Select(r => new
        {
            r.request.DocumentType, r.request.DocumentId, r.request.Id, r.request.DocumentNumber, r.request.Summary, r.request.Url, r.Name,
            r.request.SubmittedAt, r.DueAt,
        }).ToListAsync(cancellationToken);
        return [.. found.Select(r => new PendingApprovalDto(
            r.DocumentType, r.DocumentId, r.Id, r.DocumentNumber, r.Summary, r.Url, r.Name, r.SubmittedAt, r.DueAt, r.DueAt is { } due && due < now))];
    }

    public Task<PagedResult<ApprovalHistoryItemDto>> GetDecidedAsync(Guid userId, ApprovalInboxQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from approver in db.Set<ApprovalStepApprover>().AsNoTracking()
                   join step in db.Set<ApprovalRequestStep>().IgnoreAutoIncludes() on approver.StepId equals step.Id
                   join request in db.Set<ApprovalRequest>().IgnoreAutoIncludes() on step.RequestId equals request.Id
                   where approver.DecidedById == userId && approver.Decision != null
                   select new HistoryRow
                   {
                       ApproverId = approver.Id, RequestId = request.Id, DocumentType = request.DocumentType, DocumentNumber = request.DocumentNumber,
                       Summary = request.Summary, Url = request.Url, SubmitterName = request.SubmitterName, StepName = step.Name,
                       Decision = approver.Decision!.Value, DecidedAt = approver.DecidedAt!.Value, Comment = approver.Comment,
                       OnBehalfOf = approver.UserId == userId ? null : approver.UserName, RequestStatus = request.Status,
                   };
        if (query.DocumentType is { } type) rows = rows.Where(r => r.DocumentType == type);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.DocumentNumber, pattern, "\\") || EF.Functions.ILike(r.Summary, pattern, "\\"));
        }
        return HistorySort.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, r => new ApprovalHistoryItemDto(
            r.RequestId, r.DocumentType, r.DocumentNumber, r.Summary, r.Url, r.SubmitterName, r.StepName, r.Decision, r.DecidedAt, r.Comment, r.OnBehalfOf,
            r.RequestStatus), cancellationToken);
    }

    public async Task<IReadOnlyList<(DateTimeOffset SubmittedAt, DateTimeOffset ApprovedAt)>> GetApprovedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var utc = since.ToUniversalTime();
        var rows = await db.Set<ApprovalRequest>().AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Status == ApprovalRequestStatus.Approved && r.EndedAt >= utc)
            .Select(r => new { r.SubmittedAt, EndedAt = r.EndedAt!.Value }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.SubmittedAt, r.EndedAt))];
    }

    public async Task<IReadOnlyList<ApprovalFlow>> GetFlowsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ApprovalFlow>().AsNoTracking().OrderBy(f => f.DocumentType).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ApprovalOptionDto>> GetRolesAsync(CancellationToken cancellationToken = default) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new ApprovalOptionDto(r.Id, r.Name!)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ApprovalOptionDto>> GetActiveUsersAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new ApprovalOptionDto(u.Id, u.DisplayName)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ApprovalOptionDto>> GetWarehousesAsync(CancellationToken cancellationToken = default) =>
        await db.Warehouses.AsNoTracking().OrderBy(w => w.Code)
            .Select(w => new ApprovalOptionDto(w.Id, w.Code + " " + w.Name)).ToListAsync(cancellationToken);

    private IQueryable<InboxRow> Pending(Guid userId, IReadOnlyCollection<Guid> approverIds, ApprovalInboxQuery query)
    {
        var approvers = db.Set<ApprovalStepApprover>();
        var rows = from step in db.Set<ApprovalRequestStep>().AsNoTracking().IgnoreAutoIncludes()
                   join request in db.Set<ApprovalRequest>().IgnoreAutoIncludes() on step.RequestId equals request.Id
                   where request.Status == ApprovalRequestStatus.Pending && step.Status == ApprovalStepStatus.Active
                         && approvers.Any(a => a.StepId == step.Id && approverIds.Contains(a.UserId) && a.Decision == null)
                   select new InboxRow
                   {
                       RequestId = request.Id, DocumentType = request.DocumentType, DocumentNumber = request.DocumentNumber, Summary = request.Summary,
                       Url = request.Url, SubmitterName = request.SubmitterName, SubmittedAt = request.SubmittedAt, StepName = step.Name, DueAt = step.DueAt,
                       // Empty when the step waits for the user themselves; else the absent approver they stand in for.
                       OnBehalfOf = approvers.Any(a => a.StepId == step.Id && a.UserId == userId && a.Decision == null)
                           ? null
                           : approvers.Where(a => a.StepId == step.Id && approverIds.Contains(a.UserId) && a.Decision == null)
                               .OrderBy(a => a.UserName).Select(a => a.UserName).FirstOrDefault(),
                       Version = request.Version,
                   };
        if (query.DocumentType is { } type) rows = rows.Where(r => r.DocumentType == type);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.DocumentNumber, pattern, "\\") || EF.Functions.ILike(r.Summary, pattern, "\\"));
        }
        return rows;
    }
}
