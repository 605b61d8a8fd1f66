namespace ErpSaaS.Approvals;

/// <summary>
/// Turns a flow into the steps of one document's request: which steps apply (their conditions against the document's
/// facts) and who approves each. Nobody approves their own document; a step left without approvers (an empty role, an
/// inactive user, a submitter without a manager) goes to the company's admins, so no request waits for no one. When
/// the only admin is the submitter, they approve it themselves: a one-person company still gets its documents through.
/// </summary>
public sealed class ApprovalPlanner(IApprovalDirectory directory)
{
    public async Task<IReadOnlyList<PlannedStep>> PlanAsync(
        ApprovalFlow flow, decimal? amount, decimal? discountPercent, string? partnerCategory, Guid? warehouseId, Guid submitterId,
        IReadOnlyCollection<Guid>? moreWarehouseIds = null, CancellationToken cancellationToken = default)
    {
        var plan = new List<PlannedStep>();
        foreach (var step in flow.Steps)
        {
            if (!step.AppliesTo(amount, discountPercent, partnerCategory, warehouseId, moreWarehouseIds))
            {
                plan.Add(new PlannedStep(step.Name, step.Mode, step.SlaHours, Applies: false, []));
                continue;
            }
            var named = step.ApproverKind switch
            {
                ApproverKind.Role => await directory.GetActiveUsersInRoleAsync(step.ApproverRoleId!.Value, cancellationToken),
                ApproverKind.User => await directory.FindActiveUserAsync(step.ApproverUserId!.Value, cancellationToken) is { } user ? [user] : [],
                ApproverKind.SubmitterManager => await directory.FindManagerAsync(submitterId, cancellationToken) is { } manager ? [manager] : [],
                _ => [],
            };
            var approvers = await OthersOrAdminsAsync(named, submitterId, cancellationToken);
            plan.Add(new PlannedStep(step.Name, step.Mode, step.SlaHours, Applies: true, [.. approvers.Select(a => a.AsApprover)]));
        }
        return plan;
    }

    /// <summary>The next level above the approvers who let a step pass its time limit: their managers, else the admins.</summary>
    public async Task<IReadOnlyList<ApprovalPerson>> NextLevelAsync(IEnumerable<Guid> approverIds, Guid? submitterId, CancellationToken cancellationToken = default)
    {
        var ids = approverIds.ToHashSet();
        var managers = new List<ApprovalPerson>();
        foreach (var id in ids)
        {
            if (await directory.FindManagerAsync(id, cancellationToken) is { } manager && !ids.Contains(manager.Id)) managers.Add(manager);
        }
        if (managers.Count > 0) return [.. managers.DistinctBy(m => m.Id)];
        var admins = (await directory.GetAdminsAsync(cancellationToken)).Where(a => !ids.Contains(a.Id)).ToList();
        return admins.Where(a => a.Id != submitterId).ToList() is { Count: > 0 } others ? others : admins;
    }

    private async Task<IReadOnlyList<ApprovalPerson>> OthersOrAdminsAsync(IReadOnlyList<ApprovalPerson> named, Guid submitterId, CancellationToken cancellationToken)
    {
        var others = named.Where(p => p.Id != submitterId).ToList();
        if (others.Count > 0) return others;
        var admins = await directory.GetAdminsAsync(cancellationToken);
        return admins.Where(a => a.Id != submitterId).ToList() is { Count: > 0 } otherAdmins ? otherAdmins : admins;
    }
}
