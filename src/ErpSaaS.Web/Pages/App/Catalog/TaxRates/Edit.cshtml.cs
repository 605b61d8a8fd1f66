using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.TaxRates;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(ITaxRateAppService taxRates) : AdminPageModel
{
    public TaxRateDto TaxRate { get; private set; } = null!;

    [BindProperty]
    public TaxRateInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        TaxRate = await taxRates.GetAsync(id, cancellationToken);
        Input = new TaxRateInput { Code = TaxRate.Code, Name = TaxRate.Name, RatePercent = TaxRate.Percent, Version = TaxRate.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        TaxRate = await taxRates.GetAsync(id, cancellationToken);
        (Input.Code, Input.RatePercent) = (TaxRate.Code, TaxRate.Percent);
        // Shown, never edited: whatever came back for them does not count.
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.Code)));
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.RatePercent)));
        if (ModelState.IsValid && await TryAsync(() => taxRates.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("TaxRates:Saved");
            return RedirectToPage("Index");
        }
        return Page();
    }

    public Task<IActionResult> OnPostMakeDefaultAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => taxRates.MakeDefaultAsync(id, cancellationToken), "TaxRates:DefaultChanged", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => taxRates.DeactivateAsync(id, cancellationToken), "TaxRates:Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => taxRates.ActivateAsync(id, cancellationToken), "TaxRates:Activated", cancellationToken);

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
