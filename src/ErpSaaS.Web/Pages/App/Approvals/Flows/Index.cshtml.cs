using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Approvals.Flows;

/// <summary>Each document type's approval steps, for tenant admins: add, change, reorder, remove.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Approvals.FlowsManage)]
public sealed class IndexModel(IApprovalFlowAppService flows) : AdminPageModel
{
    public IReadOnlyList<ApprovalFlowDto> Flows { get; private set; } = [];
    public ApprovalFlowOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Flows = await flows.GetAllAsync(cancellationToken);
        Options = await flows.GetOptionsAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostUpAsync(ApprovalDocumentType type, Guid stepId, CancellationToken cancellationToken) =>
        ChangeAsync(() => flows.MoveStepAsync(type, stepId, up: true, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDownAsync(ApprovalDocumentType type, Guid stepId, CancellationToken cancellationToken) =>
        ChangeAsync(() => flows.MoveStepAsync(type, stepId, up: false, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(ApprovalDocumentType type, Guid stepId, CancellationToken cancellationToken) =>
        ChangeAsync(() => flows.RemoveStepAsync(type, stepId, cancellationToken), cancellationToken);

    public string ApproverText(ApprovalFlowStepDto step) => step.ApproverKind switch
    {
        ApproverKind.Role => L["Approvals:ApproverRole", step.ApproverName is { } role ? L.RoleName(role) : "?"].Value,
        ApproverKind.User => step.ApproverName ?? "?",
        _ => L["ApproverKind:SubmitterManager"].Value,
    };

    public string ConditionText(ApprovalFlowStepDto step) => step.ConditionKind switch
    {
        ApprovalConditionKind.AmountAtLeast => L["Approvals:ConditionAmount", step.ConditionNumber!.Value.ToString("N2")].Value,
        ApprovalConditionKind.DiscountAtLeast => L["Approvals:ConditionDiscount", step.ConditionNumber!.Value.ToString("0.##")].Value,
        ApprovalConditionKind.PartnerCategoryEquals => L["Approvals:ConditionCategory", step.ConditionText ?? string.Empty].Value,
        ApprovalConditionKind.WarehouseEquals => L["Approvals:ConditionWarehouse", step.ConditionWarehouseName ?? "?"].Value,
        _ => L["ApprovalConditionKind:Always"].Value,
    };

    private async Task<IActionResult> ChangeAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L["Approvals:FlowSaved"].Value;
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
