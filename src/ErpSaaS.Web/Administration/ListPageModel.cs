using ErpSaaS.Common;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Administration;

/// <summary>
/// A server-side paged, sorted and filtered list: the filter binds from the query string, the page shows one page
/// of it, and the Export handler downloads every row of the same filter as CSV or Excel (<c>?format=xlsx</c>).
/// </summary>
public abstract class ListPageModel<TQuery, TItem>(TimeProvider clock) : AdminPageModel where TQuery : PageRequest, new()
{
    public TQuery Query { get; private set; } = new();
    public PagedResult<TItem> Result { get; private set; } = null!;

    protected abstract string ExportName { get; }

    protected abstract Task<PagedResult<TItem>> GetPageAsync(TQuery query, CancellationToken cancellationToken);

    protected abstract Task<IReadOnlyList<TItem>> ExportAsync(TQuery query, CancellationToken cancellationToken);

    /// <summary>The exported columns, with typed values (numbers, dates) so the Excel file keeps them typed.</summary>
    protected abstract IEnumerable<ExportColumn<TItem>> ExportColumns();

    /// <summary>What else the page shows besides the list (permissions, options of filters).</summary>
    protected virtual Task LoadExtrasAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [ShowsRefusedText]
    public async Task OnGetAsync([FromQuery] TQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        // No stored text can contain what the filter holds: the list is empty without asking the database, which could not compare it.
        Result = StorableText.WasRefused(HttpContext) ? new PagedResult<TItem>([], 0, 1, query.PageSize) : await GetPageAsync(query, cancellationToken);
        await LoadExtrasAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] TQuery query, [FromQuery(Name = ListExport.FormatParameter)] string? format,
        CancellationToken cancellationToken) =>
        ListExport.File(ListExport.ParseFormat(format), ExportName, clock.GetUtcNow(), await ExportAsync(query, cancellationToken), [.. ExportColumns()]);
}
