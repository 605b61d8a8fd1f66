using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Customers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class CreateModel(ICustomerAppService customers, ICurrencyAppService currencies, IPriceListAppService priceLists) : AdminPageModel
{
    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Currency = await currencies.GetBaseCurrencyAsync(cancellationToken);
        await LoadOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Empty;
        if (ModelState.IsValid && await TryAsync(async () => id = await customers.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:CustomerCreated", Input.Code.Trim().ToUpperInvariant()].Value;
            return RedirectToPage("Edit", new { id });
        }
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        ViewData["Currencies"] = await currencies.GetActiveAsync(cancellationToken);
        ViewData["PriceLists"] = await priceLists.GetActiveAsync(cancellationToken: cancellationToken);
    }
}
