using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Customers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ICustomerAppService customers, ICurrencyAppService currencies, TimeProvider clock)
    : ListPageModel<CustomerListQuery, CustomerDto>(clock)
{
    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];

    protected override string ExportName => "customers";

    protected override Task<PagedResult<CustomerDto>> GetPageAsync(CustomerListQuery query, CancellationToken cancellationToken) =>
        customers.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<CustomerDto>> ExportAsync(CustomerListQuery query, CancellationToken cancellationToken) =>
        customers.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Currencies = await currencies.GetActiveAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<CustomerDto>> ExportColumns() =>
    [
        new(L["Partners:Code"], c => c.Code),
        new(L["Partners:Name"], c => c.Name),
        new(L["Partners:Grade"], c => L[$"Partners:Grade:{c.Grade}"].Value),
        new(L["Partners:TaxIdShort"], c => c.TaxId),
        new(L["Partners:PrimaryContact"], c => c.PrimaryContactName),
        new(L["Partners:Phone"], c => c.PrimaryContactPhone),
        new(L["Partners:Currency"], c => c.Currency),
        new(L["Partners:CreditLimit"], c => c.CreditLimit),
        new(L["Partners:PaymentTermsDays"], c => c.PaymentTermsDays),
        new(L["Partners:PriceList"], c => c.PriceListName),
        new(L["Partners:Status"], c => L[c.IsActive ? "Partners:Active" : "Partners:Inactive"].Value),
    ];

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => customers.DeactivateAsync(id, cancellationToken), "Partners:CustomerDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => customers.ActivateAsync(id, cancellationToken), "Partners:CustomerActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new CustomerListQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}
