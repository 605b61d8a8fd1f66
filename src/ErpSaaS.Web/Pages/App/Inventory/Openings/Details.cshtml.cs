using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Openings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class DetailsModel(IOpeningBalanceAppService openings, IStockDocumentAppService documents) : ErpPageModel
{
    public OpeningBalanceDto Opening { get; private set; } = null!;
    public StockDocumentOptionsDto Options { get; private set; } = null!;

    [BindProperty]
    public OpeningBalanceInput Input { get; set; } = new();

    [BindProperty]
    public StockDocumentActionInput Action { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = Opening.ToInput();
        Input.Lines = StockDocumentForms.WithBlankRows(Input.Lines);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        Input.Lines = StockDocumentForms.Filled(Input.Lines, l => l.IsBlank);
        ModelState.Clear();
        if (await TryAsync(() => openings.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["StockDocuments:DraftSaved"].Value;
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

    public Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => openings.PostAsync(id, Action, cancellationToken), "StockDocuments:Posted", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => openings.CancelAsync(id, Action, cancellationToken), "StockDocuments:Cancelled", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string doneKey, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(action, nameof(Action)))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Opening = await openings.GetAsync(id, cancellationToken);
        Options = await documents.GetOptionsAsync(cancellationToken);
    }
}
