using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Locations;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IWarehouseLocationAppService locations, IWarehouseAppService warehouses) : AdminPageModel
{
    public WarehouseDto Warehouse { get; private set; } = null!;
    public WarehouseLocationDto Location { get; private set; } = null!;

    [BindProperty]
    public WarehouseLocationInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid warehouseId, Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(warehouseId, id, cancellationToken);
        Input = new WarehouseLocationInput { Code = Location.Code, Name = Location.Name, Version = Location.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid warehouseId, Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(warehouseId, id, cancellationToken);
        Input.Code = Location.Code;
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.Code))); // shown, never edited: whatever came back does not count
        if (ModelState.IsValid && await TryAsync(() => locations.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("Locations:Saved");
            return RedirectToPage("Index", new { warehouseId });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid warehouseId, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(warehouseId, id, () => locations.DeactivateAsync(id, cancellationToken), "Locations:Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid warehouseId, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(warehouseId, id, () => locations.ActivateAsync(id, cancellationToken), "Locations:Activated", cancellationToken);

    /// <summary>The bin must belong to the warehouse in the address: another warehouse's bin is not found here.</summary>
    private async Task LoadAsync(Guid warehouseId, Guid id, CancellationToken cancellationToken)
    {
        Warehouse = await warehouses.GetAsync(warehouseId, cancellationToken);
        Location = await locations.GetAsync(id, cancellationToken);
        if (Location.WarehouseId != warehouseId) throw new EntityNotFoundException(nameof(WarehouseLocation), id);
    }

    private async Task<IActionResult> ChangeAsync(Guid warehouseId, Guid id, Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        await LoadAsync(warehouseId, id, cancellationToken);
        if (await TryAsync(change, prefix: string.Empty))
        {
            Flash(doneKey);
            return RedirectToPage(new { warehouseId, id });
        }
        await OnGetAsync(warehouseId, id, cancellationToken);
        return Page();
    }
}
