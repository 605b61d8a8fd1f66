using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Products;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class CreateModel(IProductAppService products) : ProductFormPageModel(products)
{
    /// <summary>The unit most products are counted in, preselected.</summary>
    public const string UsualBaseUnit = "PCS";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(null, cancellationToken);
        if (Options.Units.Any(u => u.Code == UsualBaseUnit)) Input.BaseUnit = UsualBaseUnit;
        Input.TaxRateId = Options.TaxRates.FirstOrDefault(t => t.IsDefault)?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Guid id = default;
        if (await TrySaveAsync(async () => id = await Products.CreateAsync(Input, cancellationToken)))
        {
            Flash("Products:Created");
            return RedirectToPage("Details", new { id });
        }
        await LoadOptionsAsync(null, cancellationToken);
        return Page();
    }
}
