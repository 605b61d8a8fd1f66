using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Approvals;

/// <summary>
/// A company's approval flow for one document type: its steps in order. A document is approved when every step whose
/// condition holds for it has been approved; a flow without steps approves documents at once.
/// </summary>
public sealed class ApprovalFlow : AggregateRoot, IMultiTenant
{
    private readonly List<ApprovalFlowStep> _steps = [];

    private ApprovalFlow() { }

    public ApprovalFlow(ApprovalDocumentType documentType, DateTimeOffset at)
    {
        DocumentType = documentType;
        ChangedAt = at;
    }

    public Guid? TenantId { get; private set; }
    public ApprovalDocumentType DocumentType { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public IReadOnlyList<ApprovalFlowStep> Steps => _steps.OrderBy(s => s.Order).ToList();

    /// <param name="maxSteps">What the company's plan allows (the Starter plan: one step).</param>
    public ApprovalFlowStep AddStep(ApprovalStepDefinition definition, int maxSteps, DateTimeOffset at)
    {
        if (_steps.Count >= maxSteps)
        {
            throw maxSteps == 1
                ? new BusinessException(ApprovalErrorCodes.OneStepOnly)
                : new BusinessException(ApprovalErrorCodes.TooManySteps, maxSteps);
        }
        var step = new ApprovalFlowStep(Id, _steps.Count == 0 ? 1 : _steps.Max(s => s.Order) + 1, definition.Validated());
        _steps.Add(step);
        ChangedAt = at;
        return step;
    }

    public void ChangeStep(Guid stepId, ApprovalStepDefinition definition, DateTimeOffset at)
    {
        StepById(stepId).Define(definition.Validated());
        ChangedAt = at;
    }

    public void RemoveStep(Guid stepId, DateTimeOffset at)
    {
        _steps.Remove(StepById(stepId));
        var order = 1;
        foreach (var step in _steps.OrderBy(s => s.Order)) step.MoveTo(order++);
        ChangedAt = at;
    }

    /// <summary>Moves a step one place earlier (up) or later; at either end nothing changes.</summary>
    public void MoveStep(Guid stepId, bool up, DateTimeOffset at)
    {
        var ordered = _steps.OrderBy(s => s.Order).ToList();
        var index = ordered.IndexOf(StepById(stepId));
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count) return;
        var (first, second) = (ordered[index].Order, ordered[other].Order);
        ordered[index].MoveTo(second);
        ordered[other].MoveTo(first);
        ChangedAt = at;
    }

    private ApprovalFlowStep StepById(Guid stepId) =>
        _steps.FirstOrDefault(s => s.Id == stepId) ?? throw new BusinessException(ApprovalErrorCodes.StepUnknown);
}

/// <summary>What a step of a flow is: its name, approvers, condition, time limit and whether one or all approvers decide.</summary>
public sealed record ApprovalStepDefinition(
    string? Name, ApproverKind ApproverKind, Guid? ApproverRoleId, Guid? ApproverUserId, ApprovalConditionKind ConditionKind,
    decimal? ConditionNumber, string? ConditionText, Guid? ConditionWarehouseId, int? SlaHours, ApprovalStepMode Mode)
{
    /// <summary>The definition with its own rules checked and what does not belong to its kinds cleared.</summary>
    public ApprovalStepDefinition Validated()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw BusinessException.ForField(nameof(Name), ApprovalErrorCodes.StepNameRequired);
        if (name.Length > ApprovalConsts.MaxStepNameLength)
        {
            throw BusinessException.ForField(nameof(Name), ApprovalErrorCodes.StepNameTooLong, ApprovalConsts.MaxStepNameLength);
        }
        if (ApproverKind == ApproverKind.Role && ApproverRoleId is null) throw BusinessException.ForField(nameof(ApproverRoleId), ApprovalErrorCodes.RoleRequired);
        if (ApproverKind == ApproverKind.User && ApproverUserId is null) throw BusinessException.ForField(nameof(ApproverUserId), ApprovalErrorCodes.UserRequired);
        if (SlaHours is { } hours && (hours <= 0 || hours > ApprovalConsts.MaxSlaHours))
        {
            throw BusinessException.ForField(nameof(SlaHours), ApprovalErrorCodes.SlaHoursInvalid, ApprovalConsts.MaxSlaHours);
        }
        var text = ConditionText?.Trim();
        switch (ConditionKind)
        {
            case ApprovalConditionKind.AmountAtLeast or ApprovalConditionKind.DiscountAtLeast when ConditionNumber is null:
            case ApprovalConditionKind.PartnerCategoryEquals when string.IsNullOrEmpty(text):
            case ApprovalConditionKind.WarehouseEquals when ConditionWarehouseId is null:
                throw BusinessException.ForField(nameof(ConditionNumber), ApprovalErrorCodes.ConditionValueRequired);
            case ApprovalConditionKind.AmountAtLeast when ConditionNumber < 0m:
            case ApprovalConditionKind.DiscountAtLeast when ConditionNumber is < 0m or > 100m:
            case ApprovalConditionKind.PartnerCategoryEquals when text!.Length > ApprovalConsts.MaxConditionTextLength:
                throw BusinessException.ForField(nameof(ConditionNumber), ApprovalErrorCodes.ConditionValueInvalid);
        }
        return this with
        {
            Name = name,
            ApproverRoleId = ApproverKind == ApproverKind.Role ? ApproverRoleId : null,
            ApproverUserId = ApproverKind == ApproverKind.User ? ApproverUserId : null,
            ConditionNumber = ConditionKind is ApprovalConditionKind.AmountAtLeast or ApprovalConditionKind.DiscountAtLeast ? ConditionNumber : null,
            ConditionText = ConditionKind == ApprovalConditionKind.PartnerCategoryEquals ? text : null,
            ConditionWarehouseId = ConditionKind == ApprovalConditionKind.WarehouseEquals ? ConditionWarehouseId : null,
        };
    }
}

public sealed class ApprovalFlowStep : Entity, IMultiTenant
{
    private ApprovalFlowStep() { }

    internal ApprovalFlowStep(Guid flowId, int order, ApprovalStepDefinition definition)
    {
        FlowId = flowId;
        Order = order;
        Define(definition);
    }

    public Guid? TenantId { get; private set; }
    public Guid FlowId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = null!;
    public ApproverKind ApproverKind { get; private set; }
    public Guid? ApproverRoleId { get; private set; }
    public Guid? ApproverUserId { get; private set; }
    public ApprovalConditionKind ConditionKind { get; private set; }
    public decimal? ConditionNumber { get; private set; }
    public string? ConditionText { get; private set; }
    public Guid? ConditionWarehouseId { get; private set; }
    public int? SlaHours { get; private set; }
    public ApprovalStepMode Mode { get; private set; }

    public ApprovalStepDefinition Definition =>
        new(Name, ApproverKind, ApproverRoleId, ApproverUserId, ConditionKind, ConditionNumber, ConditionText, ConditionWarehouseId, SlaHours, Mode);

    /// <summary>
    /// Whether the step applies to a document with these facts; a condition on a fact the document lacks is false. A
    /// document in several warehouses (<paramref name="moreWarehouseIds"/>) meets a warehouse condition when any of them is it.
    /// </summary>
    public bool AppliesTo(decimal? amount, decimal? discountPercent, string? partnerCategory, Guid? warehouseId,
        IReadOnlyCollection<Guid>? moreWarehouseIds = null) => ConditionKind switch
    {
        ApprovalConditionKind.Always => true,
        ApprovalConditionKind.AmountAtLeast => amount >= ConditionNumber,
        ApprovalConditionKind.DiscountAtLeast => discountPercent >= ConditionNumber,
        ApprovalConditionKind.PartnerCategoryEquals => partnerCategory is { } category
                                                       && string.Equals(category.Trim(), ConditionText, StringComparison.OrdinalIgnoreCase),
        ApprovalConditionKind.WarehouseEquals => (warehouseId is { } warehouse && warehouse == ConditionWarehouseId)
                                                 || (moreWarehouseIds is not null && ConditionWarehouseId is { } wanted && moreWarehouseIds.Contains(wanted)),
        _ => false,
    };

    internal void Define(ApprovalStepDefinition definition)
    {
        Name = definition.Name!;
        ApproverKind = definition.ApproverKind;
        ApproverRoleId = definition.ApproverRoleId;
        ApproverUserId = definition.ApproverUserId;
        ConditionKind = definition.ConditionKind;
        ConditionNumber = definition.ConditionNumber;
        ConditionText = definition.ConditionText;
        ConditionWarehouseId = definition.ConditionWarehouseId;
        SlaHours = definition.SlaHours;
        Mode = definition.Mode;
    }

    internal void MoveTo(int order) => Order = order;
}
