using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Categories;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(IProductCategoryAppService categories) : AdminPageModel
{
    public ProductCategoryDto Category { get; private set; } = null!;

    /// <summary>Where the category may be moved: anywhere but onto itself (a subcategory is refused with the reason).</summary>
    public IReadOnlyList<ProductCategoryDto> Parents { get; private set; } = [];

    [BindProperty]
    public ProductCategoryInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new ProductCategoryInput { Code = Category.Code, Name = Category.Name, ParentId = Category.ParentId, Version = Category.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Code = Category.Code;
        ModelState.Remove(FieldKey(InputPrefix, nameof(Input.Code))); // shown, never edited: whatever came back does not count
        if (ModelState.IsValid && await TryAsync(() => categories.UpdateAsync(id, Input, cancellationToken)))
        {
            Flash("Categories:Saved");
            return RedirectToPage("Index");
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => categories.DeactivateAsync(id, cancellationToken), "Categories:Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => categories.ActivateAsync(id, cancellationToken), "Categories:Activated", cancellationToken);

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Category = await categories.GetAsync(id, cancellationToken);
        Parents = (await categories.GetTreeAsync(cancellationToken: cancellationToken)).Where(c => c.Id != id && (c.IsActive || c.Id == Category.ParentId)).ToList();
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
