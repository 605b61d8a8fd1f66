using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.PriceLists;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IPriceListAppService priceLists, ICurrencyAppService currencies, TimeProvider clock)
    : ListPageModel<PriceListListQuery, PriceListDto>(clock)
{
    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];

    protected override string ExportName => "price-lists";

    protected override Task<PagedResult<PriceListDto>> GetPageAsync(PriceListListQuery query, CancellationToken cancellationToken) =>
        priceLists.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<PriceListDto>> ExportAsync(PriceListListQuery query, CancellationToken cancellationToken) =>
        priceLists.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Currencies = await currencies.GetActiveAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<PriceListDto>> ExportColumns() =>
    [
        new(L["Partners:Name"], p => p.Name),
        new(L["Partners:Currency"], p => p.Currency),
        new(L["Partners:ValidFrom"], p => p.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Partners:ValidTo"], p => p.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new(L["Partners:LineCount"], p => p.LineCount),
        new(L["Partners:CustomerCount"], p => p.CustomerCount),
        new(L["Partners:Status"], p => L[p.IsActive ? "Partners:Active" : "Partners:Inactive"].Value),
    ];

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => priceLists.DeactivateAsync(id, cancellationToken), "Partners:PriceListDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => priceLists.ActivateAsync(id, cancellationToken), "Partners:PriceListActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new PriceListListQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}
