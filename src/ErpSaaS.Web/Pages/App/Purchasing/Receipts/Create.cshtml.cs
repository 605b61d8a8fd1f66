using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Receipts;

/// <summary>
/// A new receipt against an order: one row per order line with what is still to come, to inspect and adjust; rows left
/// at zero are not received this time. Saved as a draft, to scan into and post from its own page.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.PurchasingOrReceiving)]
public sealed class CreateModel(IGoodsReceiptAppService receipts) : ErpPageModel
{
    [BindProperty]
    public GoodsReceiptInput Input { get; set; } = new();

    public PurchaseOrderDto Order { get; private set; } = null!;
    public PurchasingOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await LoadAsync(orderId, cancellationToken);
        Input = await receipts.NewForOrderAsync(orderId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(Input.PurchaseOrderId ?? Guid.Empty, cancellationToken);
        if (!ModelState.IsValid) return Page();
        var all = Input.Lines;
        Input.Lines = [.. all.Where(l => !l.IsBlank)];
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await receipts.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }

    private async Task LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        Order = await receipts.GetOrderAsync(orderId, cancellationToken);
        Options = await receipts.GetOptionsAsync(cancellationToken);
    }
}
