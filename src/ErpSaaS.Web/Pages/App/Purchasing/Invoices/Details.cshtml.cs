using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Invoices;

/// <summary>
/// An invoice's page: while a draft, its lines to correct, submit for matching and cancel; the match per line (order
/// price and variance); when held, the approval panel; when approved, payments; always its timeline.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class DetailsModel(IPurchaseInvoiceAppService invoices, IPurchaseOrderAppService orders, IApprovalRequests approvals, TimeProvider clock) : ErpPageModel
{
    public PurchaseInvoiceDto Invoice { get; private set; } = null!;
    public PurchaseOrderDto Order { get; private set; } = null!;
    public ApprovalRequestDto? Approval { get; private set; }

    [BindProperty]
    public PurchaseInvoiceInput Input { get; set; } = new();

    [BindProperty]
    public PurchasingActionInput Action { get; set; } = new();

    [BindProperty]
    public PurchasePaymentInput Payment { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = Invoice.ToInput();
        Payment = new PurchasePaymentInput { Version = Invoice.Version, Amount = Invoice.OpenAmount, PaidOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime) };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        ModelState.Clear();
        if (await TryAsync(() => invoices.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => invoices.SubmitAsync(id, Action, cancellationToken), "Purchasing:InvoiceSubmittedMessage", nameof(Action), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => invoices.CancelAsync(id, Action, cancellationToken), "Purchasing:CancelledMessage", nameof(Action), cancellationToken);

    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => invoices.PayAsync(id, Payment, cancellationToken), "Purchasing:PaymentRecorded", nameof(Payment), cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> work, string done, string prefix, CancellationToken cancellationToken)
    {
        if (IsValidFor(prefix) && await TryAsync(work, prefix))
        {
            TempData["Message"] = L[done].Value;
            return RedirectToPage(new { id });
        }
        // The page again with the refusal: a payment's next to its field, a header button's about a line at the top.
        var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
        var payment = Payment;
        ModelState.Clear();
        await OnGetAsync(id, cancellationToken);
        if (prefix == nameof(Payment)) Payment = payment;
        foreach (var (key, message) in errors) ModelState.AddModelError(key.StartsWith(nameof(Action) + ".", StringComparison.Ordinal) ? string.Empty : key, message);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Invoice = await invoices.GetAsync(id, cancellationToken);
        Order = await orders.GetAsync(Invoice.PurchaseOrderId, cancellationToken);
        Approval = await approvals.FindAsync(ApprovalDocumentType.PurchaseInvoiceMismatch, id, cancellationToken);
    }
}
