using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.PriceLists;

/// <summary>A price list: name and validity, and its prices with quantity breaks (each line its own form).</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IPriceListAppService priceLists) : PartnerPageModel
{
    public PriceListDetailDto PriceList { get; private set; } = null!;
    public IReadOnlyList<ProductOptionDto> ProductOptions { get; private set; } = [];

    [BindProperty]
    public PriceListInput Input { get; set; } = new();

    [BindProperty]
    public PriceListLineInput Line { get; set; } = new();

    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => ReloadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Currency = PriceList.PriceList.Currency;
        if (IsValidFor(nameof(Input)) && await TryAsync(() => priceLists.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:PriceListSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => priceLists.DeactivateAsync(id, cancellationToken), "Partners:PriceListDeactivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => priceLists.ActivateAsync(id, cancellationToken), "Partners:PriceListActivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAddLineAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Line), "line:new", () => priceLists.AddLineAsync(id, Line, cancellationToken),
            "Partners:Added", "lines", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUpdateLineAsync(Guid id, Guid lineId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Line), $"line:{lineId}", () => priceLists.UpdateLineAsync(id, lineId, Line, cancellationToken),
            "Partners:Saved", "lines", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveLineAsync(Guid id, Guid lineId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, $"line:{lineId}", () => priceLists.RemoveLineAsync(id, lineId, cancellationToken),
            "Partners:Removed", "lines", () => ReloadAsync(id, cancellationToken));

    private async Task ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var list = PriceList.PriceList;
        Input = new PriceListInput { Name = list.Name, Currency = list.Currency, ValidFrom = list.ValidFrom, ValidTo = list.ValidTo };
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        PriceList = await priceLists.GetAsync(id, cancellationToken);
        ProductOptions = await priceLists.GetProductOptionsAsync(cancellationToken);
        ViewData["CurrencyLocked"] = true;
    }
}
