using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Approvals;

/// <summary>
/// The current user's approvals. A user decides for themselves first; where they are not an approver of the step but
/// stand in for an absent approver (delegation in effect today), they decide for that approver, recorded as "X for Y".
/// Anyone signed in to the company may open their inbox; only approvers may decide.
/// </summary>
public sealed class ApprovalInboxAppService(
    IApprovalQueries queries, IApprovalRepository repository, ApprovalDecisions decisions, ApprovalClock clock, IPermissionChecker permissions,
    IUnitOfWork unitOfWork, TimeProvider time) : IApprovalInboxAppService
{
    public async Task<PagedResult<ApprovalInboxItemDto>> GetPendingAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForScreen();
        return await queries.GetPendingAsync(clock.UserId, await ActingForAsync(cancellationToken), query, cancellationToken);
    }

    public async Task<PagedResult<ApprovalHistoryItemDto>> GetDecidedAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForScreen();
        return await queries.GetDecidedAsync(clock.UserId, query, cancellationToken);
    }

    public async Task<IReadOnlyList<ApprovalInboxItemDto>> ExportPendingAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForExport();
        return (await queries.GetPendingAsync(clock.UserId, await ActingForAsync(cancellationToken), query, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<ApprovalHistoryItemDto>> ExportDecidedAsync(ApprovalInboxQuery query, CancellationToken cancellationToken = default)
    {
        query.ClampForExport();
        return (await queries.GetDecidedAsync(clock.UserId, query, cancellationToken)).Items;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default) =>
        clock.IsSignedIn ? await queries.CountPendingAsync(await ActingForAsync(cancellationToken), cancellationToken) : 0;

    public async Task<bool> CanDecideAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        if (await queries.FindAsync(requestId, cancellationToken) is not { Status: ApprovalRequestStatus.Pending } request) return false;
        return (await ActingForAsync(cancellationToken)).Any(request.AwaitsDecisionOf);
    }

    public async Task<ApprovalRequestDto> GetAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        ApprovalRequestMapping.ToDto(await queries.FindAsync(requestId, cancellationToken) ?? throw new EntityNotFoundException(nameof(ApprovalRequest), requestId));

    public Task ApproveAsync(Guid requestId, ApprovalDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(requestId, input, async (request, approverId, actor, ct) =>
        {
            if (request.Approve(approverId, actor, input.Comment)) await decisions.ApprovedAsync(request, actor, input.Comment, ct);
        }, cancellationToken);

    public Task RejectAsync(Guid requestId, ApprovalDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(requestId, input, async (request, approverId, actor, ct) =>
        {
            request.Reject(approverId, actor, input.Comment);
            await decisions.RejectedAsync(request, actor, input.Comment, ct);
        }, cancellationToken);

    public async Task<ApprovalCycleTimeDto?> GetCycleTimeAsync(int days = 30, CancellationToken cancellationToken = default)
    {
        if (!await permissions.IsGrantedAsync(ErpPermissions.Approvals.FlowsManage, cancellationToken)) return null;
        var approved = await queries.GetApprovedSinceAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
        TimeSpan? average = approved.Count == 0 ? null : TimeSpan.FromTicks((long)approved.Average(a => (a.ApprovedAt - a.SubmittedAt).Ticks));
        return new ApprovalCycleTimeDto(days, approved.Count, average);
    }

    private async Task DecideAsync(
        Guid requestId, ApprovalDecisionInput input, Func<ApprovalRequest, Guid, ApprovalActor, CancellationToken, Task> decide, CancellationToken cancellationToken)
    {
        var actor = clock.Actor();
        var actingFor = await ActingForAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var request = await repository.FindRequestAsync(requestId, ct) ?? throw new EntityNotFoundException(nameof(ApprovalRequest), requestId);
            if (input.Version is { } version) request.CheckVersion(version);
            // One's own place first; a delegate's only where the user is not an approver of the step themselves.
            var approverId = actingFor.FirstOrDefault(request.AwaitsDecisionOf);
            if (approverId == Guid.Empty)
            {
                throw new BusinessException(request.Status == ApprovalRequestStatus.Pending ? Errors.ApprovalErrorCodes.NotAnApprover : Errors.ApprovalErrorCodes.NotPending,
                    request.DocumentNumber);
            }
            await decide(request, approverId, actor, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The current user, then everyone who delegated to them and is absent today.</summary>
    private async Task<IReadOnlyList<Guid>> ActingForAsync(CancellationToken cancellationToken)
    {
        var userId = clock.UserId;
        var delegators = await repository.GetAbsentDelegatorsAsync(userId, await clock.TodayAsync(cancellationToken), cancellationToken);
        return [userId, .. delegators.Where(d => d != userId)];
    }
}
