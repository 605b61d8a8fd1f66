using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Approvals;

/// <summary>
/// A user's absence: from and to (inclusive, the company's calendar dates) their delegate sees and decides the approvals
/// waiting for them. One per user; changing it replaces the earlier one.
/// </summary>
public sealed class ApprovalDelegation : Entity, IMultiTenant
{
    private ApprovalDelegation() { }

    public ApprovalDelegation(Guid userId, Guid? delegateId, DateOnly? absentFrom, DateOnly? absentTo)
    {
        UserId = userId;
        Change(delegateId, absentFrom, absentTo);
    }

    public Guid? TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid DelegateId { get; private set; }
    public DateOnly AbsentFrom { get; private set; }
    public DateOnly AbsentTo { get; private set; }

    public bool IsInEffectOn(DateOnly day) => AbsentFrom <= day && day <= AbsentTo;

    public void Change(Guid? delegateId, DateOnly? absentFrom, DateOnly? absentTo)
    {
        if (delegateId is not { } chosen || chosen == Guid.Empty) throw BusinessException.ForField("DelegateId", ApprovalErrorCodes.DelegateRequired);
        if (chosen == UserId) throw BusinessException.ForField("DelegateId", ApprovalErrorCodes.DelegateIsSelf);
        if (absentFrom is not { } from || absentTo is not { } to || to < from)
        {
            throw BusinessException.ForField("AbsentTo", ApprovalErrorCodes.AbsenceDatesInvalid);
        }
        DelegateId = chosen;
        AbsentFrom = from;
        AbsentTo = to;
    }
}
