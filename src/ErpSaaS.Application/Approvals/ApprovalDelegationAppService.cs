using ErpSaaS.Common;

namespace ErpSaaS.Approvals;

/// <summary>The current user's absence: while it lasts their delegate sees and decides what waits for them.</summary>
public sealed class ApprovalDelegationAppService(IApprovalRepository repository, IApprovalQueries queries, IApprovalDirectory directory, ApprovalClock clock, IUnitOfWork unitOfWork)
    : IApprovalDelegationAppService
{
    public async Task<ApprovalDelegationDto?> GetMineAsync(CancellationToken cancellationToken = default)
    {
        if (await repository.FindDelegationAsync(clock.UserId, cancellationToken) is not { } delegation) return null;
        var name = (await directory.FindActiveUserAsync(delegation.DelegateId, cancellationToken))?.Name;
        return new ApprovalDelegationDto(delegation.DelegateId, name, delegation.AbsentFrom, delegation.AbsentTo,
            delegation.IsInEffectOn(await clock.TodayAsync(cancellationToken)));
    }

    public async Task<IReadOnlyList<ApprovalOptionDto>> GetDelegateOptionsAsync(CancellationToken cancellationToken = default)
    {
        var me = clock.UserId;
        return [.. (await queries.GetActiveUsersAsync(cancellationToken)).Where(u => u.Id != me)];
    }

    public async Task SaveAsync(ApprovalDelegationInput input, CancellationToken cancellationToken = default)
    {
        var me = clock.UserId;
        if (input.DelegateId is { } delegateId && delegateId != me && await directory.FindActiveUserAsync(delegateId, cancellationToken) is null)
        {
            throw BusinessException.ForField(nameof(input.DelegateId), Errors.ApprovalErrorCodes.DelegateRequired);
        }
        await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.FindDelegationAsync(me, ct) is { } existing) existing.Change(input.DelegateId, input.AbsentFrom, input.AbsentTo);
            else repository.Add(new ApprovalDelegation(me, input.DelegateId, input.AbsentFrom, input.AbsentTo));
            return true;
        }, cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        var me = clock.UserId;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.FindDelegationAsync(me, ct) is { } existing) repository.Remove(existing);
            return true;
        }, cancellationToken);
    }
}
