using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Invoices;

/// <summary>
/// A new invoice for an order: one row per order line with what was received and not yet invoiced, at the order's
/// price, to correct to the supplier's invoice; rows left at zero are not billed. Saved as a draft, submitted from its page.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class CreateModel(IPurchaseInvoiceAppService invoices, IPurchaseOrderAppService orders) : ErpPageModel
{
    [BindProperty]
    public PurchaseInvoiceInput Input { get; set; } = new();

    public PurchaseOrderDto Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(orderId, cancellationToken);
        // Nothing left to invoice shows why at the top, with no rows to fill.
        Input = new PurchaseInvoiceInput { PurchaseOrderId = orderId };
        await TryAsync(async () => Input = await invoices.NewForOrderAsync(orderId, cancellationToken), string.Empty);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(Input.PurchaseOrderId ?? Guid.Empty, cancellationToken);
        if (!ModelState.IsValid) return Page();
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await invoices.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }
}
