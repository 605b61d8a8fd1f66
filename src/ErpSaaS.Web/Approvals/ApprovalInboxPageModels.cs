using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Approvals;

/// <summary>
/// "My approvals": what waits for the current user (also as a delegate), with approve and reject (a reason) on each
/// row. The document panel posts here too, with a return URL; a refused decision shows on this page with the comment kept.
/// </summary>
public class ApprovalInboxPageModel(IApprovalInboxAppService inbox, TimeProvider clock) : ListPageModel<ApprovalInboxQuery, ApprovalInboxItemDto>(clock)
{
    private readonly TimeProvider _clock = clock;

    public ApprovalCycleTimeDto? CycleTime { get; private set; }
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The row whose decision was refused, and the comment typed for it.</summary>
    public Guid? FailedRequestId { get; private set; }
    public string? FailedComment { get; private set; }

    public bool IsOverdue(ApprovalInboxItemDto item) => item.DueAt is { } due && due < Now;

    protected override string ExportName => "my-approvals";

    protected override Task<PagedResult<ApprovalInboxItemDto>> GetPageAsync(ApprovalInboxQuery query, CancellationToken cancellationToken) =>
        inbox.GetPendingAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<ApprovalInboxItemDto>> ExportAsync(ApprovalInboxQuery query, CancellationToken cancellationToken) =>
        inbox.ExportPendingAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<ApprovalInboxItemDto>> ExportColumns() =>
    [
        new(L["Approvals:Document"], i => i.DocumentNumber),
        new(L["Approvals:DocumentType"], i => L[$"ApprovalDocumentType:{i.DocumentType}"].Value),
        new(L["Approvals:Summary"], i => i.Summary),
        new(L["Approvals:Submitter"], i => i.SubmitterName),
        new(L["Approvals:SubmittedAt"], i => i.SubmittedAt),
        new(L["Approvals:Step"], i => i.StepName),
        new(L["Approvals:DueAt"], i => i.DueAt),
        new(L["Approvals:OnBehalfOfColumn"], i => i.OnBehalfOf),
    ];

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => CycleTime = await inbox.GetCycleTimeAsync(cancellationToken: cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid requestId, string? comment, uint? version, string? returnUrl, CancellationToken cancellationToken) =>
        DecideAsync(requestId, comment, returnUrl, "Approvals:Approved",
            () => inbox.ApproveAsync(requestId, new ApprovalDecisionInput { Comment = comment, Version = version }, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid requestId, string? comment, uint? version, string? returnUrl, CancellationToken cancellationToken) =>
        DecideAsync(requestId, comment, returnUrl, "Approvals:Rejected",
            () => inbox.RejectAsync(requestId, new ApprovalDecisionInput { Comment = comment, Version = version }, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid requestId, string? comment, string? returnUrl, string doneKey, Func<Task> decide, CancellationToken cancellationToken)
    {
        if (await TryAsync(decide, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
        }
        FailedRequestId = requestId;
        FailedComment = comment;
        await OnGetAsync(new ApprovalInboxQuery(), cancellationToken);
        return Page();
    }
}

/// <summary>"Decided by me": the decisions the current user made, newest first.</summary>
public class ApprovalHistoryPageModel(IApprovalInboxAppService inbox, TimeProvider clock) : ListPageModel<ApprovalInboxQuery, ApprovalHistoryItemDto>(clock)
{
    protected override string ExportName => "my-approval-decisions";

    protected override Task<PagedResult<ApprovalHistoryItemDto>> GetPageAsync(ApprovalInboxQuery query, CancellationToken cancellationToken) =>
        inbox.GetDecidedAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<ApprovalHistoryItemDto>> ExportAsync(ApprovalInboxQuery query, CancellationToken cancellationToken) =>
        inbox.ExportDecidedAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<ApprovalHistoryItemDto>> ExportColumns() =>
    [
        new(L["Approvals:Document"], i => i.DocumentNumber),
        new(L["Approvals:DocumentType"], i => L[$"ApprovalDocumentType:{i.DocumentType}"].Value),
        new(L["Approvals:Summary"], i => i.Summary),
        new(L["Approvals:Step"], i => i.StepName),
        new(L["Approvals:Decision"], i => L[$"ApproverDecision:{i.Decision}"].Value),
        new(L["Approvals:DecidedAt"], i => i.DecidedAt),
        new(L["Approvals:Comment"], i => i.Comment),
        new(L["Approvals:OnBehalfOfColumn"], i => i.OnBehalfOf),
        new(L["Approvals:RequestStatus"], i => L[$"ApprovalRequestStatus:{i.RequestStatus}"].Value),
    ];
}
