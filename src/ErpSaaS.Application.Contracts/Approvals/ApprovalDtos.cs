using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Approvals;

public sealed class ApprovalInboxQuery : PageRequest
{
    /// <summary>Part of the document number or summary.</summary>
    public string? Search { get; set; }
    public ApprovalDocumentType? DocumentType { get; set; }
}

/// <summary>
/// A document waiting for the current user's decision. <see cref="OnBehalfOf"/> names the absent approver when the
/// user sees it as their delegate.
/// </summary>
public sealed record ApprovalInboxItemDto(
    Guid RequestId, ApprovalDocumentType DocumentType, string DocumentNumber, string Summary, string Url, string? SubmitterName,
    DateTimeOffset SubmittedAt, string StepName, DateTimeOffset? DueAt, string? OnBehalfOf, uint Version);

/// <summary>A decision the current user made (for themselves or for someone they stood in for).</summary>
public sealed record ApprovalHistoryItemDto(
    Guid RequestId, ApprovalDocumentType DocumentType, string DocumentNumber, string Summary, string Url, string? SubmitterName,
    string StepName, ApproverDecision Decision, DateTimeOffset DecidedAt, string? Comment, string? OnBehalfOf, ApprovalRequestStatus RequestStatus);

/// <summary>Approve or reject: the version shown (a stale decision is refused) and the comment (a rejection's reason).</summary>
public sealed class ApprovalDecisionInput
{
    public uint? Version { get; set; }

    [MaxLength(ApprovalConsts.MaxCommentLength)]
    public string? Comment { get; set; }
}

/// <summary>How long approvals took: submitted → approved, over the approved requests of the last <see cref="Days"/> days.</summary>
public sealed record ApprovalCycleTimeDto(int Days, int ApprovedCount, TimeSpan? Average);

/// <summary>The approvals of the current user: what waits for them, what they decided, and the decisions themselves.</summary>
public interface IApprovalInboxAppService
{
    Task<PagedResult<ApprovalInboxItemDto>> GetPendingAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default);
    Task<PagedResult<ApprovalHistoryItemDto>> GetDecidedAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every row of the filter (up to the export limit), for a file.</summary>
    Task<IReadOnlyList<ApprovalInboxItemDto>> ExportPendingAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalHistoryItemDto>> ExportDecidedAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many requests wait for the current user (as approver or delegate): the top bar's badge.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the current user may approve or reject the request now.</summary>
    Task<bool> CanDecideAsync(Guid requestId, CancellationToken cancellationToken = default);

    Task<ApprovalRequestDto> GetAsync(Guid requestId, CancellationToken cancellationToken = default);
    Task ApproveAsync(Guid requestId, ApprovalDecisionInput input, CancellationToken cancellationToken = default);
    Task RejectAsync(Guid requestId, ApprovalDecisionInput input, CancellationToken cancellationToken = default);

    /// <summary>The company's approval cycle time (tenant admins: those who may manage flows); null for others.</summary>
    Task<ApprovalCycleTimeDto?> GetCycleTimeAsync(int days = 30, CancellationToken cancellationToken = default);
}

public sealed record ApprovalFlowStepDto(
    Guid Id, int Order, string Name, ApproverKind ApproverKind, Guid? ApproverRoleId, Guid? ApproverUserId, string? ApproverName,
    ApprovalConditionKind ConditionKind, decimal? ConditionNumber, string? ConditionText, Guid? ConditionWarehouseId, string? ConditionWarehouseName,
    int? SlaHours, ApprovalStepMode Mode);

public sealed record ApprovalFlowDto(ApprovalDocumentType DocumentType, uint Version, IReadOnlyList<ApprovalFlowStepDto> Steps);

public sealed record ApprovalOptionDto(Guid Id, string Name);

/// <summary>What the flows page offers and allows: roles, users, warehouses, and whether the plan has flows and several steps.</summary>
public sealed record ApprovalFlowOptionsDto(
    IReadOnlyList<ApprovalOptionDto> Roles, IReadOnlyList<ApprovalOptionDto> Users, IReadOnlyList<ApprovalOptionDto> Warehouses,
    bool FlowsEnabled, bool MultiStepEnabled);

/// <summary>A step as the flows form edits it.</summary>
public sealed class ApprovalStepInput
{
    [MaxLength(ApprovalConsts.MaxStepNameLength)]
    public string? Name { get; set; }
    public ApproverKind ApproverKind { get; set; } = ApproverKind.Role;
    public Guid? ApproverRoleId { get; set; }
    public Guid? ApproverUserId { get; set; }
    public ApprovalConditionKind ConditionKind { get; set; }
    public decimal? ConditionNumber { get; set; }

    [MaxLength(ApprovalConsts.MaxConditionTextLength)]
    public string? ConditionText { get; set; }
    public Guid? ConditionWarehouseId { get; set; }
    public int? SlaHours { get; set; }
    public ApprovalStepMode Mode { get; set; } = ApprovalStepMode.AnyOne;
}

/// <summary>The tenant admins' side: each document type's steps.</summary>
public interface IApprovalFlowAppService
{
    Task<IReadOnlyList<ApprovalFlowDto>> GetAllAsync(CancellationToken cancellationToken = default);
    Task<ApprovalFlowOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
    Task<Guid> AddStepAsync(ApprovalDocumentType documentType, ApprovalStepInput input, CancellationToken cancellationToken = default);
    Task UpdateStepAsync(ApprovalDocumentType documentType, Guid stepId, ApprovalStepInput input, CancellationToken cancellationToken = default);
    Task RemoveStepAsync(ApprovalDocumentType documentType, Guid stepId, CancellationToken cancellationToken = default);
    Task MoveStepAsync(ApprovalDocumentType documentType, Guid stepId, bool up, CancellationToken cancellationToken = default);
}

public sealed record ApprovalDelegationDto(Guid DelegateId, string? DelegateName, DateOnly AbsentFrom, DateOnly AbsentTo, bool InEffectToday);

public sealed class ApprovalDelegationInput
{
    public Guid? DelegateId { get; set; }
    public DateOnly? AbsentFrom { get; set; }
    public DateOnly? AbsentTo { get; set; }
}

/// <summary>The current user's absence and delegate, and who delegated to them.</summary>
public interface IApprovalDelegationAppService
{
    Task<ApprovalDelegationDto?> GetMineAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalOptionDto>> GetDelegateOptionsAsync(CancellationToken cancellationToken = default);
    Task SaveAsync(ApprovalDelegationInput input, CancellationToken cancellationToken = default);
    Task ClearAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A user's manager, who approves flow steps set to "the submitter's manager". A user without one has their steps
/// approved by the tenant admins.
/// </summary>
public interface IUserManagerAppService
{
    Task<Guid?> GetManagerAsync(Guid userId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApprovalOptionDto>> GetCandidatesAsync(Guid userId, CancellationToken cancellationToken = default);
    Task SetManagerAsync(Guid userId, Guid? managerId, CancellationToken cancellationToken = default);
}
