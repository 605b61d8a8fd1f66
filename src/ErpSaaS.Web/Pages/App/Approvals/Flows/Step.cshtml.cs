using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Approvals.Flows;

/// <summary>Adds a step to a document type's flow, or changes one; a refused step shows why next to the field and keeps the input.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Approvals.FlowsManage)]
public sealed class StepModel(IApprovalFlowAppService flows) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public ApprovalDocumentType Type { get; set; } = ApprovalDocumentType.PurchaseOrder;

    [BindProperty(SupportsGet = true)]
    public Guid? StepId { get; set; }

    [BindProperty]
    public ApprovalStepInput Input { get; set; } = new();

    public ApprovalFlowOptionsDto Options { get; private set; } = null!;

    /// <summary>The conditions that make sense for the document type, and the step's own should it have another from before.</summary>
    public IReadOnlyList<ApprovalConditionKind> ConditionKinds =>
        ApprovalConditions.For(Type) is var offered && offered.Contains(Input.ConditionKind) ? offered : [.. offered, Input.ConditionKind];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await flows.GetOptionsAsync(cancellationToken);
        if (StepId is not { } stepId) return Page();
        var step = (await flows.GetAllAsync(cancellationToken)).Single(f => f.DocumentType == Type).Steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return NotFound();
        Input = new ApprovalStepInput
        {
            Name = step.Name, ApproverKind = step.ApproverKind, ApproverRoleId = step.ApproverRoleId, ApproverUserId = step.ApproverUserId,
            ConditionKind = step.ConditionKind, ConditionNumber = step.ConditionNumber, ConditionText = step.ConditionText,
            ConditionWarehouseId = step.ConditionWarehouseId, SlaHours = step.SlaHours, Mode = step.Mode,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => StepId is { } stepId
                ? flows.UpdateStepAsync(Type, stepId, Input, cancellationToken)
                : flows.AddStepAsync(Type, Input, cancellationToken)))
        {
            TempData["Message"] = L["Approvals:FlowSaved"].Value;
            return Redirect("/app/approvals/flows");
        }
        Options = await flows.GetOptionsAsync(cancellationToken);
        return Page();
    }
}
