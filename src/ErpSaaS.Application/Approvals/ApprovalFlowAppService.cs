using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Approvals;

/// <summary>
/// Tenant admins configure each document type's steps. The Starter plan (no multi-step flows) keeps one step per flow;
/// a plan without approval flows has none to configure.
/// </summary>
public sealed class ApprovalFlowAppService(
    IPermissionChecker permissions, IFeatureChecker features, IApprovalRepository repository, IApprovalQueries queries, IUnitOfWork unitOfWork,
    TimeProvider clock) : IApprovalFlowAppService
{
    public async Task<IReadOnlyList<ApprovalFlowDto>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Approvals.FlowsManage, cancellationToken);
        var flows = (await queries.GetFlowsAsync(cancellationToken)).ToDictionary(f => f.DocumentType);
        var names = (await queries.GetRolesAsync(cancellationToken)).Concat(await queries.GetActiveUsersAsync(cancellationToken))
            .Concat(await queries.GetWarehousesAsync(cancellationToken)).DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => o.Name);
        return [.. Enum.GetValues<ApprovalDocumentType>().Select(type => flows.TryGetValue(type, out var flow)
            ? new ApprovalFlowDto(type, flow.Version, [.. flow.Steps.Select(s => ToDto(s, names))])
            : new ApprovalFlowDto(type, 0, []))];
    }

    public async Task<ApprovalFlowOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Approvals.FlowsManage, cancellationToken);
        return new ApprovalFlowOptionsDto(
            await queries.GetRolesAsync(cancellationToken), await queries.GetActiveUsersAsync(cancellationToken), await queries.GetWarehousesAsync(cancellationToken),
            await features.IsEnabledAsync(ErpFeatures.ApprovalFlows, cancellationToken), await features.IsEnabledAsync(ErpFeatures.ApprovalFlowsMultiStep, cancellationToken));
    }

    public async Task<Guid> AddStepAsync(ApprovalDocumentType documentType, ApprovalStepInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Approvals.FlowsManage, cancellationToken);
        var maxSteps = await features.IsEnabledAsync(ErpFeatures.ApprovalFlowsMultiStep, cancellationToken) ? ApprovalConsts.MaxStepsPerFlow : 1;
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var flow = await repository.FindFlowAsync(documentType, ct);
            if (flow is null)
            {
                flow = new ApprovalFlow(documentType, clock.GetUtcNow());
                repository.Add(flow);
            }
            return flow.AddStep(Definition(input), maxSteps, clock.GetUtcNow()).Id;
        }, cancellationToken);
    }

    public Task UpdateStepAsync(ApprovalDocumentType documentType, Guid stepId, ApprovalStepInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentType, flow => flow.ChangeStep(stepId, Definition(input), clock.GetUtcNow()), cancellationToken);

    public Task RemoveStepAsync(ApprovalDocumentType documentType, Guid stepId, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentType, flow => flow.RemoveStep(stepId, clock.GetUtcNow()), cancellationToken);

    public Task MoveStepAsync(ApprovalDocumentType documentType, Guid stepId, bool up, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentType, flow => flow.MoveStep(stepId, up, clock.GetUtcNow()), cancellationToken);

    private async Task ChangeAsync(ApprovalDocumentType documentType, Action<ApprovalFlow> change, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Approvals.FlowsManage, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            change(await repository.FindFlowAsync(documentType, ct) ?? throw new BusinessException(Errors.ApprovalErrorCodes.StepUnknown));
            return true;
        }, cancellationToken);
    }

    private static ApprovalStepDefinition Definition(ApprovalStepInput input) => new(
        input.Name, input.ApproverKind, input.ApproverRoleId, input.ApproverUserId, input.ConditionKind, input.ConditionNumber, input.ConditionText,
        input.ConditionWarehouseId, input.SlaHours, input.Mode);

    private static ApprovalFlowStepDto ToDto(ApprovalFlowStep step, IReadOnlyDictionary<Guid, string> names)
    {
        var approverId = step.ApproverRoleId ?? step.ApproverUserId;
        return new ApprovalFlowStepDto(
            step.Id, step.Order, step.Name, step.ApproverKind, step.ApproverRoleId, step.ApproverUserId,
            approverId is { } id ? names.GetValueOrDefault(id) : null, step.ConditionKind, step.ConditionNumber, step.ConditionText,
            step.ConditionWarehouseId, step.ConditionWarehouseId is { } warehouse ? names.GetValueOrDefault(warehouse) : null, step.SlaHours, step.Mode);
    }
}
