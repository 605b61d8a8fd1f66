using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Openings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class CreateModel(IOpeningBalanceAppService openings, IStockDocumentAppService documents) : ErpPageModel
{
    [BindProperty]
    public OpeningBalanceInput Input { get; set; } = new();

    public StockDocumentOptionsDto Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        // The form's one-time token: a second submit of this very form finds the document the first one made.
        Input = new OpeningBalanceInput { RequestId = Guid.NewGuid(), Lines = StockDocumentForms.WithBlankRows<OpeningBalanceLineInput>([]) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await openings.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["StockDocuments:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        ModelState.Clear();
        Input.Lines = StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(Input.Lines, l => l.IsBlank), StockDocumentForms.MoreRows);
        return Page();
    }
}
