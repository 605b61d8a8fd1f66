using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.TaxRates;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ITaxRateAppService taxRates, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<TaxRateDto> TaxRates { get; private set; } = [];

    [BindProperty]
    public TaxRateInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => TaxRates = await taxRates.GetListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => taxRates.CreateAsync(Input, cancellationToken)))
        {
            Flash("TaxRates:Created");
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMakeDefaultAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => taxRates.MakeDefaultAsync(id, cancellationToken), prefix: string.Empty))
        {
            Flash("TaxRates:DefaultChanged");
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        CsvExport.File("tax-rates", clock.GetUtcNow(), await taxRates.GetListAsync(cancellationToken: cancellationToken),
            new CsvColumn<TaxRateDto>(L["TaxRates:Code"], t => t.Code),
            new(L["TaxRates:Name"], t => t.Name),
            new(L["TaxRates:Rate"], t => CatalogNumbers.Percent(t.Rate)),
            new(L["Catalog:Default"], t => t.IsDefault ? L["Catalog:Default"].Value : string.Empty),
            new(L["Catalog:Status"], t => L[t.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value));
}
