using ErpSaaS.Inventory.Documents;
using ErpSaaS.Web.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Inventory.Documents;

/// <summary>
/// The create page of a document with lines: a one-time request id in the form (a second submit finds the first
/// document), a few empty rows to type into, "more rows", and on success the document's own page.
/// </summary>
public abstract class StockDocumentCreatePageModel<TInput, TLine>(IStockDocumentAppService documents) : ErpPageModel
    where TInput : class, new()
    where TLine : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    public StockDocumentOptionsDto Options { get; private set; } = null!;

    protected abstract List<TLine> LinesOf(TInput input);
    protected abstract void SetLines(TInput input, List<TLine> lines);
    protected abstract bool IsBlank(TLine line);
    protected abstract void SetRequestId(TInput input, Guid requestId);
    protected abstract Task<Guid> CreateAsync(TInput input, CancellationToken cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        Input = new TInput();
        SetRequestId(Input, Guid.NewGuid());
        SetLines(Input, StockDocumentForms.WithBlankRows<TLine>([]));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        // Error messages name rows by position ("Lines[2].Quantity"): empty rows go before the service sees the lines.
        SetLines(Input, StockDocumentForms.Filled(LinesOf(Input), IsBlank));
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["StockDocuments:DraftSaved"].Value;
            return RedirectToPage("Details", new { id });
        }
        SetLines(Input, StockDocumentForms.WithBlankRows(LinesOf(Input), 1));
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken cancellationToken)
    {
        Options = await documents.GetOptionsAsync(cancellationToken);
        ModelState.Clear();
        SetLines(Input, StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(LinesOf(Input), IsBlank), StockDocumentForms.MoreRows));
        return Page();
    }
}

/// <summary>
/// A document's own page: its header, lines and timeline; while a draft, the lines form (saved from the version shown)
/// and the header's post and cancel buttons.
/// </summary>
public abstract class StockDocumentDetailsPageModel<TDocument, TInput, TLine>(IStockDocumentAppService documents) : ErpPageModel
    where TDocument : class
    where TInput : class, new()
    where TLine : class, new()
{
    public TDocument Document { get; private set; } = null!;
    public StockDocumentOptionsDto Options { get; private set; } = null!;

    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty]
    public StockDocumentActionInput Action { get; set; } = new();

    protected abstract Task<TDocument> GetAsync(Guid id, CancellationToken cancellationToken);
    protected abstract TInput ToInput(TDocument document);
    protected abstract List<TLine> LinesOf(TInput input);
    protected abstract void SetLines(TInput input, List<TLine> lines);
    protected abstract bool IsBlank(TLine line);
    protected abstract Task UpdateAsync(Guid id, TInput input, CancellationToken cancellationToken);
    protected abstract Task PostAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken);
    protected abstract Task CancelAsync(Guid id, StockDocumentActionInput action, CancellationToken cancellationToken);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = ToInput(Document);
        SetLines(Input, StockDocumentForms.WithBlankRows(LinesOf(Input)));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        SetLines(Input, StockDocumentForms.Filled(LinesOf(Input), IsBlank));
        ModelState.Clear();
        if (await TryAsync(() => UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["StockDocuments:DraftSaved"].Value;
            return RedirectToPage(new { id });
        }
        SetLines(Input, StockDocumentForms.WithBlankRows(LinesOf(Input), 1));
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinesAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        SetLines(Input, StockDocumentForms.WithBlankRows(StockDocumentForms.Filled(LinesOf(Input), IsBlank), StockDocumentForms.MoreRows));
        return Page();
    }

    public async Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await ActAsync(id, () => PostAsync(id, Action, cancellationToken), "StockDocuments:PostedMessage", cancellationToken);
        if (result is RedirectToPageResult) TempData["Message"] = L[await PostedMessageKeyAsync(id, cancellationToken)].Value;
        return result;
    }

    /// <summary>What posting did, for the message on the next page (a document held for approval was only submitted).</summary>
    protected virtual Task<string> PostedMessageKeyAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult("StockDocuments:PostedMessage");

    /// <summary>Whatever else the page shows of the document (its approval trail).</summary>
    protected virtual Task LoadMoreAsync(TDocument document, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => CancelAsync(id, Action, cancellationToken), "StockDocuments:CancelledMessage", cancellationToken);

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
        Document = await GetAsync(id, cancellationToken);
        Options = await documents.GetOptionsAsync(cancellationToken);
        await LoadMoreAsync(Document, cancellationToken);
    }
}
