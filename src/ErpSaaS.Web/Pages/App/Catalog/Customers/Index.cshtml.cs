using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Catalog;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Catalog.Customers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ICustomerAppService customers, ICurrencyAppService currencies, TimeProvider clock)
    : PartnerListPageModel<CustomerListQuery, CustomerDto>(currencies, clock)
{
    public override string PartnerKind => "Customer";

    protected override string ExportName => "customers";

    protected override Task<PagedResult<CustomerDto>> GetPageAsync(CustomerListQuery query, CancellationToken cancellationToken) =>
        customers.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<CustomerDto>> ExportAsync(CustomerListQuery query, CancellationToken cancellationToken) =>
        customers.ExportAsync(query, cancellationToken);

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

    protected override Task DeactivateAsync(Guid id, CancellationToken cancellationToken) => customers.DeactivateAsync(id, cancellationToken);

    protected override Task ActivateAsync(Guid id, CancellationToken cancellationToken) => customers.ActivateAsync(id, cancellationToken);
}
