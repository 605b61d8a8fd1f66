using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Orders;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class CreateModel(ISalesOrderAppService orders) : ErpPageModel
{
    [BindProperty]
    public SalesOrderInput Input { get; set; } = new();

    public SalesOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        Input = new SalesOrderInput { RequestId = Guid.NewGuid(), WarehouseId = Options.Warehouses.Count > 0 ? Options.Warehouses[0].Id : null, Lines = StockDocumentForms.WithBlankRows<SalesOrderLineInput>([]) };
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
            TempData["Message"] = L["Sales:DraftSaved"].Value;
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
