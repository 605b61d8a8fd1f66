using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Counts;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class CreateModel(IStockCountAppService counts, IStockDocumentAppService documents) : ErpPageModel
{
    [BindProperty]
    public StockCountInput Input { get; set; } = new();

    public StockDocumentOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        Input = new StockCountInput { RequestId = Guid.NewGuid(), WarehouseId = Options.Warehouses.Count > 0 ? Options.Warehouses[0].Id : null };
        ViewData["CountInput"] = Input;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        ViewData["CountInput"] = Input;
        if (!ModelState.IsValid) return Page();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await counts.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["StockDocuments:CountCreated"].Value;
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }
}
