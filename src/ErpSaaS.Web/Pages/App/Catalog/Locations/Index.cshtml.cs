using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Locations;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IWarehouseLocationAppService locations, IWarehouseAppService warehouses, TimeProvider clock)
    : ListPageModel<WarehouseLocationListQuery, WarehouseLocationDto>(clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid WarehouseId { get; set; }

    public WarehouseDto Warehouse { get; private set; } = null!;

    [BindProperty]
    public WarehouseLocationInput Input { get; set; } = new();

    protected override string ExportName => "bins";

    protected override Task<PagedResult<WarehouseLocationDto>> GetPageAsync(WarehouseLocationListQuery query, CancellationToken cancellationToken) =>
        locations.GetListAsync(WarehouseId, query, cancellationToken);

    protected override async Task<IReadOnlyList<WarehouseLocationDto>> ExportAsync(WarehouseLocationListQuery query, CancellationToken cancellationToken)
    {
        var bins = await locations.ExportAsync(WarehouseId, query, cancellationToken);
        await LoadExtrasAsync(cancellationToken);
        return bins;
    }

    protected override IEnumerable<CsvColumn<WarehouseLocationDto>> ExportColumns() =>
    [
        new(L["Locations:Warehouse"], _ => Warehouse.Code),
        new(L["Locations:Code"], l => l.Code),
        new(L["Locations:Name"], l => l.Name),
        new(L["Catalog:Status"], l => L[l.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value),
    ];

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Warehouse = await warehouses.GetAsync(WarehouseId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => locations.CreateAsync(WarehouseId, Input, cancellationToken)))
        {
            Flash("Locations:Created");
            return RedirectToPage(new { warehouseId = WarehouseId });
        }
        await OnGetAsync(new WarehouseLocationListQuery(), cancellationToken);
        return Page();
    }
}
