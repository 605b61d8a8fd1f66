using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Units;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IUnitOfMeasureAppService units) : AdminPageModel
{
    public UnitOfMeasureDto Unit { get; private set; } = null!;

    [BindProperty]
    public UnitOfMeasureInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Unit = await units.GetAsync(id, cancellationToken);
        Input = new UnitOfMeasureInput { Code = Unit.Code, Name = Unit.Name, DecimalPlaces = Unit.DecimalPlaces, Version = Unit.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Unit = await units.GetAsync(id, cancellationToken);
        Input.Code = Unit.Code;
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.Code))); // shown, never edited: whatever came back does not count
        if (ModelState.IsValid && await TryAsync(() => units.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("Units:Saved");
            return RedirectToPage("Index");
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => units.DeactivateAsync(id, cancellationToken), "Units:Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => units.ActivateAsync(id, cancellationToken), "Units:Activated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            Flash(doneKey);
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
