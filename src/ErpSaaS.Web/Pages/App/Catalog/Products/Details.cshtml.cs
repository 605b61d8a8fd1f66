using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Products;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class DetailsModel(IProductAppService products) : AdminPageModel
{
    public ProductDto Product { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Product = await products.GetAsync(id, cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => products.DeactivateAsync(id, cancellationToken), "Products:Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => products.ActivateAsync(id, cancellationToken), "Products:Activated", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => products.DeleteAsync(id, cancellationToken), prefix: string.Empty))
        {
            Flash("Products:Deleted");
            return RedirectToPage("Index");
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            Flash(doneKey);
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
