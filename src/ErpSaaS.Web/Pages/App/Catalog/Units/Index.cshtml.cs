using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Units;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IUnitOfMeasureAppService units, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<UnitOfMeasureDto> Units { get; private set; } = [];

    [BindProperty]
    public UnitOfMeasureInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Units = await units.GetListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => units.CreateAsync(Input, cancellationToken)))
        {
            Flash("Units:Created");
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        CsvExport.File("units-of-measure", clock.GetUtcNow(), await units.GetListAsync(cancellationToken: cancellationToken),
            new CsvColumn<UnitOfMeasureDto>(L["Units:Code"], u => u.Code),
            new(L["Units:Name"], u => u.Name),
            new(L["Units:DecimalPlaces"], u => u.DecimalPlaces),
            new(L["Catalog:Status"], u => L[u.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value));
}
