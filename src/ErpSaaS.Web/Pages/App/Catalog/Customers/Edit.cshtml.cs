using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Customers;

/// <summary>A customer: its details, contacts and addresses (each row its own form) and a price check against its price list.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class EditModel(ICustomerAppService customers, ICurrencyAppService currencies, IPriceListAppService priceLists, TimeProvider clock)
    : PartnerPageModel
{
    public CustomerDetailDto Customer { get; private set; } = null!;

    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public AddressInput Address { get; set; } = new();

    /// <summary>The price check's question and its answer.</summary>
    public PriceQuoteQuery Quote { get; private set; } = new();

    public PriceQuote? QuoteResult { get; private set; }
    public string? QuotePriceListName { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = InputOf(Customer.Customer);
    }

    /// <summary>Price check: what the customer pays for a product at a quantity on a day.</summary>
    public async Task<IActionResult> OnGetQuoteAsync(Guid id, [Bind(Prefix = nameof(Quote))] PriceQuoteQuery quote, CancellationToken cancellationToken)
    {
        await OnGetAsync(id, cancellationToken);
        Quote = quote;
        if (!IsValidFor(nameof(Quote))) return Page();
        Quote.CustomerId = id;
        Quote.Date ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        PriceQuote? result = null;
        if (await TryAsync(async () => result = await priceLists.QuoteAsync(Quote, cancellationToken), nameof(Quote)))
        {
            QuoteResult = result;
            QuotePriceListName = result!.PriceListId is { } listId ? (await priceLists.GetAsync(listId, cancellationToken)).PriceList.Name : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Code = Customer.Customer.Code;
        if (IsValidFor(nameof(Input)) && await TryAsync(() => customers.UpdateAsync(id, Input, cancellationToken)))
        {
            TempData["Message"] = L["Partners:CustomerSaved"].Value;
            return RedirectToPage(new { id });
        }
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => customers.DeactivateAsync(id, cancellationToken), "Partners:CustomerDeactivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, "status", () => customers.ActivateAsync(id, cancellationToken), "Partners:CustomerActivated", "top", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAddContactAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Contact), "contact:new", () => customers.AddContactAsync(id, Contact, cancellationToken),
            "Partners:Added", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUpdateContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Contact), $"contact:{contactId}", () => customers.UpdateContactAsync(id, contactId, Contact, cancellationToken),
            "Partners:Saved", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, $"contact:{contactId}", () => customers.RemoveContactAsync(id, contactId, cancellationToken),
            "Partners:Removed", "contacts", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAddAddressAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Address), "address:new", () => customers.AddAddressAsync(id, Address, cancellationToken),
            "Partners:Added", "addresses", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUpdateAddressAsync(Guid id, Guid addressId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, nameof(Address), $"address:{addressId}", () => customers.UpdateAddressAsync(id, addressId, Address, cancellationToken),
            "Partners:Saved", "addresses", () => ReloadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveAddressAsync(Guid id, Guid addressId, CancellationToken cancellationToken) =>
        ChangeRowAsync(id, string.Empty, $"address:{addressId}", () => customers.RemoveAddressAsync(id, addressId, cancellationToken),
            "Partners:Removed", "addresses", () => ReloadAsync(id, cancellationToken));

    private async Task ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = InputOf(Customer.Customer);
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Customer = await customers.GetAsync(id, cancellationToken);
        ViewData["Currencies"] = await currencies.GetActiveAsync(cancellationToken);
        var lists = (await priceLists.GetActiveAsync(cancellationToken: cancellationToken)).ToList();
        // The list the customer has stays selectable even if it was deactivated since.
        if (Customer.Customer.PriceListId is { } current && lists.All(p => p.Id != current))
        {
            lists.Insert(0, (await priceLists.GetAsync(current, cancellationToken)).PriceList);
        }
        ViewData["PriceLists"] = lists;
        ViewData["TaxIdWarning"] = !Customer.TaxIdIsUnifiedCode;
        ViewData["CodeLocked"] = true;
    }

    private static CustomerInput InputOf(CustomerDto customer) => new()
    {
        Code = customer.Code, Name = customer.Name, Grade = customer.Grade, TaxId = customer.TaxId, CreditLimit = customer.CreditLimit,
        PaymentTermsDays = customer.PaymentTermsDays, Currency = customer.Currency, PriceListId = customer.PriceListId,
    };
}
