using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Requisitions;

/// <summary>A requisition typed by hand: the warehouse, and per line the product, quantity, needed-by date and why.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class CreateModel(IPurchaseRequisitionAppService requisitions, IPurchaseOrderAppService orders) : ErpPageModel
{
    [BindProperty]
    public PurchaseRequisitionInput Input { get; set; } = new();

    public PurchasingOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        Input = new PurchaseRequisitionInput { RequestId = Guid.NewGuid(), Lines = StockDocumentForms.WithBlankRows<PurchaseRequisitionLineInput>([]) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await requisitions.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }
}
