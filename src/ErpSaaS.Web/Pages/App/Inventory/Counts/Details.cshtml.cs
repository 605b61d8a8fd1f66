using ErpSaaS.Common;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Counts;

/// <summary>
/// A stock count through its life: its scope while a draft; while counting, the sheet of one bin (or all) to type
/// counts into, the scan box (htmx: the result and the refreshed sheet come back without reloading the page) and the
/// file upload; once counted, the variance review to post; afterwards what it posted.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class DetailsModel(IStockCountAppService counts, IStockDocumentAppService documents, TimeProvider clock) : ErpPageModel
{
    /// <summary>The bin whose lines the sheet shows: empty for every bin, <see cref="NoBin"/> for stock kept without one, else the bin's id.</summary>
    public const string NoBin = "none";

    public StockCountDto Count { get; private set; } = null!;
    public StockDocumentOptionsDto Options { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "bin")]
    public string? Bin { get; set; }

    [BindProperty]
    public StockCountInput Input { get; set; } = new();

    [BindProperty]
    public StockDocumentActionInput Action { get; set; } = new();

    [BindProperty]
    public StockCountScanInput Scan { get; set; } = new();

    [BindProperty]
    public StockCountEntryInput Entry { get; set; } = new();

    public StockCountScanResultDto? LastScan { get; private set; }

    /// <summary>The bins people count in: the count's own, or every bin of its warehouse.</summary>
    public IReadOnlyList<LocationOptionDto> Bins =>
        [.. (Options.Warehouses.FirstOrDefault(w => w.Id == Count.WarehouseId)?.Locations ?? [])
            .Where(l => Count.LocationIds.Count == 0 || Count.LocationIds.Contains(l.Id))];

    /// <summary>Whether stock kept without a bin is part of the count (only when it covers the whole warehouse).</summary>
    public bool CoversNoBin => Count.LocationIds.Count == 0;

    public IReadOnlyList<StockCountLineDto> SheetLines => Bin switch
    {
        null or "" => Count.Lines,
        NoBin => [.. Count.Lines.Where(l => l.LocationId is null)],
        _ when Guid.TryParse(Bin, out var bin) => [.. Count.Lines.Where(l => l.LocationId == bin)],
        _ => Count.Lines,
    };

    public Guid? ScanBin => Guid.TryParse(Bin, out var bin) ? bin : (Bins.Count > 0 ? Bins[0].Id : null);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new StockCountInput { Version = Count.Header.Version, WarehouseId = Count.WarehouseId, LocationIds = [.. Count.LocationIds], CategoryId = Count.CategoryId, Comment = Count.Header.Comment };
        ViewData["CountInput"] = Input;
        Entry = EntryOf(Count);
    }

    /// <summary>Saves the scope of a draft count.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(InputPrefix) && await TryAsync(() => counts.UpdateAsync(id, Input, cancellationToken)))
        {
            return Done(id, "StockDocuments:DraftSaved");
        }
        await LoadAsync(id, cancellationToken);
        ViewData["CountInput"] = Input;
        Entry = EntryOf(Count);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => counts.StartAsync(id, Action, cancellationToken), "StockDocuments:CountStarted", cancellationToken);

    public Task<IActionResult> OnPostFinishAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => counts.FinishCountingAsync(id, Action, cancellationToken), "StockDocuments:CountFinished", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => counts.ResumeCountingAsync(id, Action, cancellationToken), "StockDocuments:CountResumed", cancellationToken);

    public Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => counts.PostAsync(id, Action, cancellationToken), "StockDocuments:PostedMessage", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => counts.CancelAsync(id, Action, cancellationToken), "StockDocuments:CancelledMessage", cancellationToken);

    /// <summary>One scan; htmx gets the result and the refreshed sheet, a plain form post the whole page.</summary>
    public async Task<IActionResult> OnPostScanAsync(Guid id, CancellationToken cancellationToken)
    {
        var scanned = IsValidFor(nameof(Scan))
                      && await TryAsync(async () => LastScan = await counts.ScanAsync(id, Scan, cancellationToken), nameof(Scan));
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        if (scanned && !fromHtmx)
        {
            TempData["Message"] = ScanMessage(LastScan!);
            return RedirectToPage(new { id, bin = Bin });
        }
        await LoadAsync(id, cancellationToken);
        ViewData["CountInput"] = Input;
        Entry = EntryOf(Count);
        return fromHtmx ? Partial("_ScanResult", this) : Page();
    }

    public string ScanMessage(StockCountScanResultDto scan) =>
        L["StockDocuments:Scanned", scan.ProductCode, scan.ProductName, scan.LocationCode ?? L["StockDocuments:NoBin"].Value,
            scan.Added.ToString("0.####"), scan.CountedQuantity.ToString("0.####"), scan.BaseUnit].Value;

    /// <summary>Counted quantities typed into the sheet (of the bin shown), from the version the sheet was drawn from.</summary>
    public async Task<IActionResult> OnPostEntryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Entry)) && await TryAsync(() => counts.EnterCountsAsync(id, Entry, cancellationToken), nameof(Entry)))
        {
            return Done(id, "StockDocuments:CountsSaved");
        }
        await LoadAsync(id, cancellationToken);
        ViewData["CountInput"] = Input;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var rows = 0;
        var uploaded = await TryAsync(async () =>
        {
            if (upload is null || upload.Length == 0 || upload.Length > StockCountFile.MaxBytes)
            {
                throw BusinessException.ForField(StockCount.UploadField, ErpSaaS.Errors.StockDocumentErrorCodes.UploadEmpty);
            }
            await using var file = upload.OpenReadStream();
            rows = await counts.UploadCountsAsync(id, StockCountFile.Read(file, upload.FileName), cancellationToken);
        }, prefix: string.Empty);
        if (uploaded)
        {
            TempData["Message"] = L["StockDocuments:UploadApplied", rows].Value;
            return RedirectToPage(new { id, bin = Bin });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, [FromQuery(Name = ListExport.FormatParameter)] string? format, CancellationToken cancellationToken) =>
        StockCountFile.Export(await counts.GetAsync(id, cancellationToken), L, clock.GetUtcNow(), ListExport.ParseFormat(format));

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string doneKey, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(action, nameof(Action))) return Done(id, doneKey);
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    private RedirectToPageResult Done(Guid id, string messageKey)
    {
        TempData["Message"] = L[messageKey].Value;
        return RedirectToPage(new { id, bin = Bin });
    }

    private StockCountEntryInput EntryOf(StockCountDto count) => new()
    {
        Version = count.Header.Version,
        Lines = [.. SheetLines.Select(l => new CountedLineInput { LineNumber = l.LineNumber, Counted = l.CountedQuantity })],
    };

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Count = await counts.GetAsync(id, cancellationToken);
        Options = await documents.GetOptionsAsync(cancellationToken);
    }
}
