using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Warehouses;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class CreateModel(IWarehouseAppService warehouses) : AdminPageModel
{
    [BindProperty]
    public WarehouseInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryAsync(() => warehouses.CreateAsync(Input, cancellationToken))) return Page();
        TempData["Message"] = L["Catalog:WarehouseCreated", Input.Code.Trim().ToUpperInvariant()].Value;
        return RedirectToPage("Index");
    }
}
