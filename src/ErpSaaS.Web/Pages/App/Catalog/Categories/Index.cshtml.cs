using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Categories;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(IProductCategoryAppService categories, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<ProductCategoryDto> Tree { get; private set; } = [];

    [BindProperty]
    public ProductCategoryInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tree = await categories.GetTreeAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await TryAsync(() => categories.CreateAsync(Input, cancellationToken)))
        {
            Flash("Categories:Created");
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var tree = await categories.GetTreeAsync(cancellationToken: cancellationToken);
        var codes = tree.ToDictionary(c => c.Id, c => c.Code);
        return CsvExport.File("product-categories", clock.GetUtcNow(), tree,
            new CsvColumn<ProductCategoryDto>(L["Categories:Code"], c => c.Code),
            new(L["Categories:Name"], c => c.Name),
            new(L["Categories:Parent"], c => c.ParentId is { } parent ? codes.GetValueOrDefault(parent) : null),
            new(L["Categories:Level"], c => c.Depth + 1),
            new(L["Categories:Products"], c => c.ProductCount),
            new(L["Catalog:Status"], c => L[c.IsActive ? "Catalog:Active" : "Catalog:Inactive"].Value));
    }
}
