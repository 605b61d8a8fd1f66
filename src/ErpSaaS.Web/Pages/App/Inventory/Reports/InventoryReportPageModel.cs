using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Reports;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Reports;

/// <summary>
/// A report page: the filter binds from the query string, the page shows one page of rows with the totals of the
/// whole filter, the Export handler downloads every row as CSV. A filter the report refuses (a date after today,
/// days out of range) shows its message next to the filter field instead of the rows.
/// </summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public abstract class InventoryReportPageModel<TQuery, TRow>(IWarehouseAppService warehouses, IPermissionChecker permissions, TimeProvider clock)
    : AdminPageModel where TQuery : InventoryReportQuery, new()
{
    public TQuery Query { get; private set; } = new();
    public InventoryReport<TRow>? Report { get; private set; }
    public IReadOnlyList<WarehouseDto> Warehouses { get; private set; } = [];

    /// <summary>What the shared filter fields (warehouse, search) show.</summary>
    public ReportFilter Filter => new(Query, Warehouses);

    protected abstract string ExportName { get; }

    protected abstract Task<InventoryReport<TRow>> GetReportAsync(TQuery query, CancellationToken cancellationToken);

    protected abstract Task<IReadOnlyList<TRow>> ExportAsync(TQuery query, CancellationToken cancellationToken);

    protected abstract IEnumerable<CsvColumn<TRow>> ExportColumns();

    public async Task OnGetAsync([FromQuery] TQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        await TryAsync(async () => Report = await GetReportAsync(query, cancellationToken), prefix: string.Empty);
        if (await permissions.IsGrantedAsync(ErpPermissions.Trading.Catalog, cancellationToken))
        {
            Warehouses = (await warehouses.GetListAsync(new WarehouseListQuery { PageSize = PageRequest.MaxPageSize }, cancellationToken)).Items;
        }
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] TQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<TRow> rows = [];
        if (await TryAsync(async () => rows = await ExportAsync(query, cancellationToken), prefix: string.Empty))
        {
            return CsvExport.File(ExportName, clock.GetUtcNow(), rows, [.. ExportColumns()]);
        }
        await OnGetAsync(query, cancellationToken);
        return Page();
    }
}

public sealed record ReportFilter(InventoryReportQuery Query, IReadOnlyList<WarehouseDto> Warehouses);
