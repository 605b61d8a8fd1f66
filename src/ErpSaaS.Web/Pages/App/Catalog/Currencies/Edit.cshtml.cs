using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Currencies;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(ICurrencyAppService currencies) : AdminPageModel
{
    public CurrencyDto Currency { get; private set; } = null!;

    [BindProperty]
    public CurrencyInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Currency = await currencies.GetAsync(id, cancellationToken);
        Input = new CurrencyInput { Code = Currency.Code, Name = Currency.Name, Symbol = Currency.Symbol, DecimalPlaces = Currency.DecimalPlaces };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Currency = await currencies.GetAsync(id, cancellationToken);
        Input.Code = Currency.Code;
        ModelState.Remove("Input.Code");
        if (ModelState.IsValid && await TryAsync(() => currencies.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:CurrencySaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => currencies.DeactivateAsync(id, cancellationToken), "Partners:CurrencyDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => currencies.ActivateAsync(id, cancellationToken), "Partners:CurrencyActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
