using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Currencies;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class CreateModel(ICurrencyAppService currencies) : AdminPageModel
{
    [BindProperty]
    public CurrencyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !await TryAsync(() => currencies.CreateAsync(Input, cancellationToken))) return Page();
        TempData["Message"] = L["Partners:CurrencyCreated", Input.Code.Trim().ToUpperInvariant()].Value;
        return RedirectToPage("Index");
    }
}
