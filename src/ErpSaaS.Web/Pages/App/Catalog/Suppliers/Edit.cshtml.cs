using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Suppliers;

/// <summary>A supplier: its details, contacts and the products it supplies (each row its own form).</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(ISupplierAppService suppliers, ICurrencyAppService currencies) : PartnerPageModel
{
    public SupplierDetailDto Supplier { get; private set; } = null!;
    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];
    public IReadOnlyList<ProductOptionDto> ProductOptions { get; private set; } = [];

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public SupplierProductInput Product { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await ReloadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Code = Supplier.Supplier.Code;
        if (IsValidFor(nameof(Input)) && await TryAsync(() => suppliers.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:SupplierSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => suppliers.DeactivateAsync(id, cancellationToken), "Partners:SupplierDeactivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => suppliers.ActivateAsync(id, cancellationToken), "Partners:SupplierActivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAddContactAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Contact), "contact:new", () => suppliers.AddContactAsync(id, Contact, cancellationToken),
            "Partners:Added", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUpdateContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Contact), $"contact:{contactId}", () => suppliers.UpdateContactAsync(id, contactId, Contact, cancellationToken),
            "Partners:Saved", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, $"contact:{contactId}", () => suppliers.RemoveContactAsync(id, contactId, cancellationToken),
            "Partners:Removed", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAddProductAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Product), "product:new", () => suppliers.AddProductAsync(id, Product, cancellationToken),
            "Partners:Added", "products", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUpdateProductAsync(Guid id, Guid supplierProductId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Product), $"product:{supplierProductId}", () => suppliers.UpdateProductAsync(id, supplierProductId, Product, cancellationToken),
            "Partners:Saved", "products", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveProductAsync(Guid id, Guid supplierProductId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, $"product:{supplierProductId}", () => suppliers.RemoveProductAsync(id, supplierProductId, cancellationToken),
            "Partners:Removed", "products", () => ReloadAsync(id, cancellationToken));

    private async Task ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var supplier = Supplier.Supplier;
        Input = new SupplierInput
        {
            Code = supplier.Code, Name = supplier.Name, TaxId = supplier.TaxId, PaymentTermsDays = supplier.PaymentTermsDays,
            DefaultLeadTimeDays = supplier.DefaultLeadTimeDays, Currency = supplier.Currency,
        };
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Supplier = await suppliers.GetAsync(id, cancellationToken);
        Currencies = await currencies.GetActiveAsync(cancellationToken);
        ProductOptions = await suppliers.GetProductOptionsAsync(cancellationToken);
        ViewData["Currencies"] = Currencies;
        ViewData["TaxIdWarning"] = !Supplier.TaxIdIsUnifiedCode;
        ViewData["CodeLocked"] = true;
    }
}
