using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Orders;

/// <summary>
/// A new purchase order: supplier, warehouse and lines, with a one-time request id in the form (a second submit finds the
/// first order); empty prices, taxes and dates take their defaults. On success the order's own page.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class CreateModel(IPurchaseOrderAppService orders) : ErpPageModel
{
    [BindProperty]
    public PurchaseOrderInput Input { get; set; } = new();

    public PurchasingOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(Guid? supplierId, CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        Input = new PurchaseOrderInput { RequestId = Guid.NewGuid(), SupplierId = supplierId, Lines = StockDocumentForms.WithBlankRows<PurchaseOrderLineInput>([]) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        // Error messages name rows by position ("Lines[2].Quantity"): empty rows go before the service sees the lines.
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await orders.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        ModelState.Clear();
        Input.Lines = StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(Input.Lines, l => l.IsBlank), StockDocumentForms.MoreRows);
        return Page();
    }
}
