using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Receipts;

/// <summary>
/// A goods receipt's page: while a draft, barcode scanning (each scan adds to its order line), the inspection form and
/// post / cancel; once posted, what came in, where and at what cost; always its timeline.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.PurchasingOrReceiving)]
public sealed class DetailsModel(IGoodsReceiptAppService receipts) : ErpPageModel
{
    public GoodsReceiptDto Receipt { get; private set; } = null!;
    public PurchaseOrderDto Order { get; private set; } = null!;
    public PurchasingOptionsDto Options { get; private set; } = null!;

    [BindProperty]
    public GoodsReceiptInput Input { get; set; } = new();

    [BindProperty]
    public PurchasingActionInput Action { get; set; } = new();

    [BindProperty]
    public ReceiptScanInput Scan { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = Receipt.ToInput();
        // Every order line still to come gets a row, so a line the scanner missed can be typed in.
        Input.Lines.AddRange(Order.Lines.Where(l => l.OpenQuantity > 0m && Input.Lines.All(r => r.OrderLineNumber != l.LineNumber))
            .Select(l => new GoodsReceiptLineInput { OrderLineNumber = l.LineNumber }));
        Scan = new ReceiptScanInput { Version = Receipt.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        Input.Lines = [.. Input.Lines.Where(l => !l.IsBlank)];
        ModelState.Clear();
        if (await TryAsync(() => receipts.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostScanAsync(Guid id, CancellationToken cancellationToken)
    {
        ReceiptScanResultDto? scanned = null;
        if (IsValidFor(nameof(Scan)) && await TryAsync(async () => scanned = await receipts.ScanAsync(id, Scan, cancellationToken), nameof(Scan)))
        {
            TempData["Message"] = L["Purchasing:Scanned", scanned!.ProductCode, scanned.LineNumber, scanned.AcceptedQuantity.ToString("0.####"), scanned.Unit].Value;
            return RedirectToPage(new { id });
        }
        return await AgainAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(() => receipts.PostAsync(id, Action, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Purchasing:PostedMessage"].Value;
            return RedirectToPage(new { id });
        }
        return await AgainAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(() => receipts.CancelAsync(id, Action, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Purchasing:CancelledMessage"].Value;
            return RedirectToPage(new { id });
        }
        return await AgainAsync(id, cancellationToken);
    }

    /// <summary>The page again after a refused action, with the refusal shown and the rest as stored.</summary>
    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
        ModelState.Clear();
        await OnGetAsync(id, cancellationToken);
        // A header button's refusal about a line ("Action.Lines[0].ReceivedQuantity") has no field on the page: it goes to the summary.
        foreach (var (key, message) in errors) ModelState.AddModelError(key.StartsWith(nameof(Action) + ".", StringComparison.Ordinal) ? string.Empty : key, message);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Receipt = await receipts.GetAsync(id, cancellationToken);
        Order = await receipts.GetOrderAsync(Receipt.PurchaseOrderId, cancellationToken);
        Options = await receipts.GetOptionsAsync(cancellationToken);
    }
}
