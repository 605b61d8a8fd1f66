using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Catalog.Suppliers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ISupplierAppService suppliers, ICurrencyAppService currencies, TimeProvider clock)
    : ListPageModel<SupplierListQuery, SupplierDto>(clock)
{
    public IReadOnlyList<CurrencyDto> Currencies { get; private set; } = [];

    protected override string ExportName => "suppliers";

    protected override Task<PagedResult<SupplierDto>> GetPageAsync(SupplierListQuery query, CancellationToken cancellationToken) =>
        suppliers.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SupplierDto>> ExportAsync(SupplierListQuery query, CancellationToken cancellationToken) =>
        suppliers.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        Currencies = await currencies.GetActiveAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<SupplierDto>> ExportColumns() =>
    [
        new(L["Partners:Code"], s => s.Code),
        new(L["Partners:Name"], s => s.Name),
        new(L["Partners:TaxIdShort"], s => s.TaxId),
        new(L["Partners:PrimaryContact"], s => s.PrimaryContactName),
        new(L["Partners:Phone"], s => s.PrimaryContactPhone),
        new(L["Partners:Currency"], s => s.Currency),
        new(L["Partners:PaymentTermsDays"], s => s.PaymentTermsDays),
        new(L["Partners:DefaultLeadTimeDays"], s => s.DefaultLeadTimeDays),
        new(L["Partners:Status"], s => L[s.IsActive ? "Partners:Active" : "Partners:Inactive"].Value),
    ];

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => suppliers.DeactivateAsync(id, cancellationToken), "Partners:SupplierDeactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => suppliers.ActivateAsync(id, cancellationToken), "Partners:SupplierActivated", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string doneKey, CancellationToken cancellationToken)
    {
        if (await TryAsync(change, prefix: string.Empty))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { IncludeInactive = true });
        }
        await OnGetAsync(new SupplierListQuery { IncludeInactive = true }, cancellationToken);
        return Page();
    }
}
