using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.PriceLists;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class CreateModel(IPriceListAppService priceLists, ICurrencyAppService currencies) : AdminPageModel
{
    [BindProperty]
    public PriceListInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Currency = await currencies.GetBaseCurrencyAsync(cancellationToken);
        ViewData["Currencies"] = await currencies.GetActiveAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Empty;
        if (ModelState.IsValid && await TryAsync(async () => id = await priceLists.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:PriceListCreated", Input.Name.Trim()].Value;
            return RedirectToPage("Edit", new { id });
        }
        ViewData["Currencies"] = await currencies.GetActiveAsync(cancellationToken);
        return Page();
    }
}
