using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Requisitions;

/// <summary>
/// A requisition's page: its lines and the orders they went on; submit, cancel, and once approved, make the orders;
/// the approval trail of its latest submission.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class DetailsModel(IPurchaseRequisitionAppService requisitions, IApprovalRequests approvals) : ErpPageModel
{
    public PurchaseRequisitionDto Requisition { get; private set; } = null!;
    public ApprovalRequestDto? Approval { get; private set; }

    [BindProperty]
    public PurchasingActionInput Action { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Requisition = await requisitions.GetAsync(id, cancellationToken);
        Approval = await approvals.FindAsync(ApprovalDocumentType.PurchaseRequisition, id, cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => requisitions.SubmitAsync(id, Action, cancellationToken), () => L["Purchasing:SubmittedMessage"].Value, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => requisitions.CancelAsync(id, Action, cancellationToken), () => L["Purchasing:CancelledMessage"].Value, cancellationToken);

    public async Task<IActionResult> OnPostConvertAsync(Guid id, CancellationToken cancellationToken)
    {
        RequisitionConversionDto? conversion = null;
        return await ActAsync(id, async () => conversion = await requisitions.ConvertAsync(id, Action, cancellationToken), () =>
        {
            var message = L["Purchasing:OrdersMade", string.Join(", ", conversion!.Orders.Select(o => $"{o.Code} ({o.Name})"))].Value;
            return conversion.ProductsWithoutSupplier.Count == 0
                ? message
                : message + " " + L["Purchasing:NoPreferredSupplier", string.Join(", ", conversion.ProductsWithoutSupplier)].Value;
        }, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, Func<string> done, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(action, nameof(Action)))
        {
            TempData["Message"] = done();
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
