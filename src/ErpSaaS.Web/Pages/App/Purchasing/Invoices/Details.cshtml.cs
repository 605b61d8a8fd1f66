using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ErpSaaS.Web.Pages.App.Purchasing.Invoices;

/// <summary>
/// An invoice's page: while a draft, its lines to correct, submit for matching and cancel; the match per line (order
/// price and variance); when held, the approval panel; when approved, payments, each with its status and approval
/// trail (a rejected one to correct and resubmit, or delete); always its timeline.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class DetailsModel(IPurchaseInvoiceAppService invoices, IPurchaseOrderAppService orders, IApprovalRequests approvals, TimeProvider clock) : ErpPageModel
{
    public PurchaseInvoiceDto Invoice { get; private set; } = null!;
    public PurchaseOrderDto Order { get; private set; } = null!;
    public ApprovalRequestDto? Approval { get; private set; }

    /// <summary>Each payment's latest approval request, by payment id (payments approved without a flow have none).</summary>
    public IReadOnlyDictionary<Guid, ApprovalRequestDto> PaymentApprovals { get; private set; } = new Dictionary<Guid, ApprovalRequestDto>();

    /// <summary>The rejected payment whose correction was refused: its form opens again with the input and the messages.</summary>
    public Guid? RevisedPaymentId { get; private set; }

    [BindProperty]
    public PurchasePaymentInput Revision { get; set; } = new();

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
        Payment = new PurchasePaymentInput { Version = Invoice.Version, Amount = Invoice.PayableAmount, PaidOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime) };
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

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        var status = PurchasePaymentStatus.Approved;
        return await ActAsync(id, async () => status = await invoices.PayAsync(id, Payment, cancellationToken),
            () => status == PurchasePaymentStatus.Approved ? "Purchasing:PaymentRecorded" : "Purchasing:PaymentSubmitted", nameof(Payment), cancellationToken);
    }

    public async Task<IActionResult> OnPostResubmitPaymentAsync(Guid id, Guid paymentId, CancellationToken cancellationToken)
    {
        var status = PurchasePaymentStatus.Approved;
        var result = await ActAsync(id, async () => status = await invoices.ResubmitPaymentAsync(id, paymentId, Revision, cancellationToken),
            () => status == PurchasePaymentStatus.Approved ? "Purchasing:PaymentRecorded" : "Purchasing:PaymentResubmitted", nameof(Revision), cancellationToken);
        if (result is PageResult) RevisedPaymentId = paymentId;
        return result;
    }

    public Task<IActionResult> OnPostDeletePaymentAsync(Guid id, Guid paymentId, CancellationToken cancellationToken) =>
        ActAsync(id, () => invoices.DeletePaymentAsync(id, paymentId, Action, cancellationToken), "Purchasing:PaymentDeleted", nameof(Action), cancellationToken);

    private Task<IActionResult> ActAsync(Guid id, Func<Task> work, string done, string prefix, CancellationToken cancellationToken) =>
        ActAsync(id, work, () => done, prefix, cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> work, Func<string> done, string prefix, CancellationToken cancellationToken)
    {
        if (IsValidFor(prefix) && await TryAsync(work, prefix))
        {
            TempData["Message"] = L[done()].Value;
            return RedirectToPage(new { id });
        }
        // The page again with the refusal: a payment's next to its field, a header button's about a line at the top.
        var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
        var (payment, revision) = (Payment, Revision);
        ModelState.Clear();
        await OnGetAsync(id, cancellationToken);
        if (prefix == nameof(Payment)) Payment = payment;
        if (prefix == nameof(Revision)) Revision = revision;
        foreach (var (key, message) in errors) ModelState.AddModelError(key.StartsWith(nameof(Action) + ".", StringComparison.Ordinal) ? string.Empty : key, message);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Invoice = await invoices.GetAsync(id, cancellationToken);
        Order = await orders.GetAsync(Invoice.PurchaseOrderId, cancellationToken);
        Approval = await approvals.FindAsync(ApprovalDocumentType.PurchaseInvoiceMismatch, id, cancellationToken);
        var paymentApprovals = new Dictionary<Guid, ApprovalRequestDto>();
        foreach (var payment in Invoice.Payments)
        {
            if (await approvals.FindAsync(ApprovalDocumentType.Payment, payment.Id, cancellationToken) is { } request) paymentApprovals[payment.Id] = request;
        }
        PaymentApprovals = paymentApprovals;
    }
}
