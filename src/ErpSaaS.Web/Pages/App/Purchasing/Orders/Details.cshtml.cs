using ErpSaaS.Approvals;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Orders;

/// <summary>
/// A purchase order's page: header, lines with received and still-to-receive quantities, its receipts and invoices, what is
/// still to receive, invoice and pay, its approval and its timeline; while a draft, the lines form and "submit"; once approved, send, confirm a date, receive, close or cancel.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class DetailsModel(
    IPurchaseOrderAppService orders, IGoodsReceiptAppService receipts, IPurchaseInvoiceAppService invoices, IApprovalRequests approvals,
    ErpSaaS.Sales.ISalesShortages salesShortages) : ErpPageModel
{
    public PurchaseOrderDto Order { get; private set; } = null!;
    public PurchasingOptionsDto Options { get; private set; } = null!;
    public IReadOnlyList<GoodsReceiptSummaryDto> Receipts { get; private set; } = [];
    public ApprovalRequestDto? Approval { get; private set; }
    public IReadOnlyList<PurchaseInvoiceSummaryDto> Invoices { get; private set; } = [];
    public PurchaseOrderBalanceDto Balance { get; private set; } = null!;

    /// <summary>Unconfirmed sales orders short of this order's products: whom a late delivery of it would let down.</summary>
    public IReadOnlyList<ErpSaaS.Sales.SalesShortOrderDto> ShortSalesOrders { get; private set; } = [];

    [BindProperty]
    public PurchaseOrderInput Input { get; set; } = new();

    [BindProperty]
    public PurchasingActionInput Action { get; set; } = new();

    [BindProperty]
    public ConfirmDateInput Confirm { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = Order.ToInput();
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines);
        Confirm = new ConfirmDateInput { Version = Order.Version, ConfirmedDate = Order.ConfirmedDate };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        if (await TryAsync(() => orders.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        Input.Lines = StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(Input.Lines, l => l.IsBlank), StockDocumentForms.MoreRows);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Action), () => orders.SubmitAsync(id, Action, cancellationToken), "Purchasing:SubmittedMessage", cancellationToken);

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Action), () => orders.MarkSentAsync(id, Action, cancellationToken), "Purchasing:SentMessage", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Action), () => orders.CancelAsync(id, Action, cancellationToken), "Purchasing:CancelledMessage", cancellationToken);

    /// <summary>Amending cancels this approved order and opens its draft copy, where the change is made.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken cancellationToken)
    {
        var copy = Guid.Empty;
        if (IsValidFor(nameof(Action)) && await TryAsync(async () => copy = await orders.AmendAsync(id, Action, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Purchasing:AmendedMessage"].Value;
            return RedirectToPage(new { id = copy });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Action), () => orders.CloseAsync(id, Action, cancellationToken), "Purchasing:ClosedMessage", cancellationToken);

    public Task<IActionResult> OnPostConfirmDateAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Confirm), () => orders.ConfirmDateAsync(id, Confirm, cancellationToken), "Purchasing:DateConfirmedMessage", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<Task> action, string doneKey, CancellationToken cancellationToken)
    {
        if (IsValidFor(prefix) && await TryAsync(action, prefix))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>The page again after a refused action, its errors kept next to the fields they name.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        // The messages are copied out first: the forms are drawn afresh from the order, not from what was posted.
        var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage))).ToList();
        ModelState.Clear();
        await OnGetAsync(id, cancellationToken);
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(id, cancellationToken);
        Options = await orders.GetOptionsAsync(cancellationToken);
        Receipts = (await receipts.GetListAsync(new GoodsReceiptListQuery { PurchaseOrderId = id, PageSize = 50 }, cancellationToken)).Items;
        Approval = await approvals.FindAsync(ApprovalDocumentType.PurchaseOrder, id, cancellationToken);
        Invoices = (await invoices.GetListAsync(new PurchaseInvoiceListQuery { PurchaseOrderId = id, PageSize = 50 }, cancellationToken)).Items;
        Balance = await invoices.GetOrderBalanceAsync(id, cancellationToken);
        ShortSalesOrders = await salesShortages.GetShortOrdersAsync([.. Order.Lines.Select(l => l.ProductId).Distinct()], cancellationToken);
    }
}
