using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Products;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IProductAppService products) : ProductFormPageModel(products)
{
    public ProductDto Product { get; private set; } = null!;

    public override bool CodeLocked => true;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Product = await Products.GetAsync(id, cancellationToken);
        Input = ProductInput.From(Product);
        await LoadOptionsAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Product = await Products.GetAsync(id, cancellationToken);
        Input.Code = Product.Code;
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.Code))); // shown, never edited: whatever came back does not count
        if (await TrySaveAsync(() => Products.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("Products:Saved");
            return RedirectToPage("Details", new { id });
        }
        await LoadOptionsAsync(id, cancellationToken);
        return Page();
    }
}
