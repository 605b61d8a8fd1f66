using ErpSaaS.Common;
using ErpSaaS.ImportExport;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Imports;

/// <summary>
/// One import: while it is being checked or imported, a progress bar (htmx polls <see cref="OnGetStatusAsync"/> and
/// reloads the page when the work is done); then the preview of every row with its errors and the import button, or
/// the outcome.
/// </summary>
public sealed class JobModel(IImportAppService imports) : ErpPageModel
{
    public ImportKindDto Kind { get; private set; } = null!;
    public ImportJobDto Job { get; private set; } = null!;
    public ImportRowQuery Query { get; private set; } = new();
    public PagedResult<ImportRowDto> Rows { get; private set; } = null!;

    /// <summary>The document the import created for review (opening stock), to link to.</summary>
    public ImportDocumentDto? Document { get; private set; }

    public async Task OnGetAsync(string kind, Guid id, [FromQuery] ImportRowQuery query, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, id, cancellationToken);
        Query = query;
        Rows = await imports.GetRowsAsync(id, query, cancellationToken);
        if (Job.Status == ImportJobStatus.Committed) Document = await imports.GetDocumentAsync(id, cancellationToken);
    }

    /// <summary>Where the page of a document an import created is.</summary>
    public static string DocumentUrl(ImportDocumentDto document) => document.DocumentType switch
    {
        "opening-balance" => $"/app/inventory/openings/{document.Id}",
        _ => throw new InvalidOperationException($"No page for documents of type {document.DocumentType}."),
    };

    /// <summary>The progress bar alone; once the work is done, htmx is told to reload the whole page.</summary>
    public async Task<IActionResult> OnGetStatusAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, id, cancellationToken);
        if (!Job.IsRunning) Response.Headers["HX-Refresh"] = "true";
        return Partial("_ImportProgress", Job);
    }

    public async Task<IActionResult> OnPostCommitAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, id, cancellationToken);
        if (await TryAsync(() => imports.CommitAsync(id, cancellationToken), prefix: string.Empty))
        {
            return Redirect($"/app/imports/{Kind.Name}/{id}");
        }
        await OnGetAsync(kind, id, new ImportRowQuery(), cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        Job = await imports.GetJobAsync(id, cancellationToken);
        // The address names the kind too; another kind's job is not found here.
        if (!string.Equals(Job.Kind, kind, StringComparison.OrdinalIgnoreCase)) throw new EntityNotFoundException(nameof(ImportJobDto), id);
        Kind = await imports.GetKindAsync(Job.Kind, cancellationToken);
    }
}
