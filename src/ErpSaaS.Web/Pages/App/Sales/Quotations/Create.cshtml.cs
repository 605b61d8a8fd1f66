using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Quotations;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class CreateModel(ISalesQuotationAppService quotations, ISalesOrderAppService orders) : ErpPageModel
{
    [BindProperty]
    public SalesQuotationInput Input { get; set; } = new();

    public SalesOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        Input = new SalesQuotationInput
        {
            RequestId = Guid.NewGuid(), WarehouseId = Options.Warehouses.Count > 0 ? Options.Warehouses[0].Id : null, Lines = StockDocumentForms.WithBlankRows<SalesOrderLineInput>([]),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await orders.GetOptionsAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await quotations.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Sales:QuotationSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }
}
