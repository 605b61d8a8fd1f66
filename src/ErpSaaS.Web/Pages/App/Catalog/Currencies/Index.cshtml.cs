using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Currencies;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ICurrencyAppService currencies, TimeProvider clock) : ListPageModel<CurrencyListQuery, CurrencyDto>(clock)
{
    public string BaseCurrency { get; private set; } = string.Empty;

    protected override string ExportName => "currencies";

    protected override Task<PagedResult<CurrencyDto>> GetPageAsync(CurrencyListQuery query, CancellationToken cancellationToken) =>
        currencies.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<CurrencyDto>> ExportAsync(CurrencyListQuery query, CancellationToken cancellationToken) =>
        currencies.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        BaseCurrency = await currencies.GetBaseCurrencyAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<CurrencyDto>> ExportColumns() =>
    [
        new(L["Partners:CurrencyCode"], c => c.Code),
        new(L["Partners:CurrencyName"], c => c.Name),
        new(L["Partners:Symbol"], c => c.Symbol),
        new(L["Partners:DecimalPlaces"], c => c.DecimalPlaces),
        new(L["Partners:BaseCurrency"], c => c.IsBase ? L["Partners:BaseCurrencyShort"].Value : string.Empty),
        new(L["Partners:Status"], c => L[c.IsActive ? "Partners:Active" : "Partners:Inactive"].Value),
    ];

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => currencies.DeactivateAsync(id, cancellationToken), "Partners:CurrencyDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => currencies.ActivateAsync(id, cancellationToken), "Partners:CurrencyActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new CurrencyListQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}
