using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Warehouses;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IWarehouseAppService warehouses, TimeProvider clock)
    : ListPageModel<WarehouseListQuery, WarehouseDto>(clock)
{
    protected override string ExportName => "warehouses";

    protected override Task<PagedResult<WarehouseDto>> GetPageAsync(WarehouseListQuery query, CancellationToken cancellationToken) =>
        warehouses.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<WarehouseDto>> ExportAsync(WarehouseListQuery query, CancellationToken cancellationToken) =>
        warehouses.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<WarehouseDto>> ExportColumns() =>
    [
        new(L["Catalog:WarehouseCode"], w => w.Code),
        new(L["Catalog:WarehouseName"], w => w.Name),
        new(L["Catalog:WarehouseAddress"], w => w.Address),
        new(L["Catalog:Quarantine"], w => w.IsQuarantine ? L["Catalog:Quarantine"].Value : string.Empty),
        new(L["Catalog:Default"], w => w.IsDefault ? L["Catalog:Default"].Value : string.Empty),
        new(L["Catalog:Status"], w => L[w.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value),
    ];

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(() => warehouses.DeactivateAsync(id, cancellationToken), "Catalog:WarehouseDeactivated", cancellationToken);

    public async Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(() => warehouses.ActivateAsync(id, cancellationToken), "Catalog:WarehouseActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new WarehouseListQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}
