using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Warehouses;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IWarehouseAppService warehouses) : AdminPageModel
{
    public WarehouseDto Warehouse { get; private set; } = null!;

    [BindProperty]
    public WarehouseInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Warehouse = await warehouses.GetAsync(id, cancellationToken);
        Input = new WarehouseInput { Code = Warehouse.Code, Name = Warehouse.Name, Address = Warehouse.Address, IsQuarantine = Warehouse.IsQuarantine };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Warehouse = await warehouses.GetAsync(id, cancellationToken);
        Input.Code = Warehouse.Code;
        if (await TryAsync(() => warehouses.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Catalog:WarehouseSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => warehouses.DeactivateAsync(id, cancellationToken), "Catalog:WarehouseDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => warehouses.ActivateAsync(id, cancellationToken), "Catalog:WarehouseActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
