using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Catalog;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Catalog.Suppliers;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Catalog)]
public sealed class IndexModel(ISupplierAppService suppliers, ICurrencyAppService currencies, TimeProvider clock)
    : PartnerListPageModel<SupplierListQuery, SupplierDto>(currencies, clock)
{
    public override string PartnerKind => "Supplier";

    protected override string ExportName => "suppliers";

    protected override Task<PagedResult<SupplierDto>> GetPageAsync(SupplierListQuery query, CancellationToken cancellationToken) =>
        suppliers.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SupplierDto>> ExportAsync(SupplierListQuery query, CancellationToken cancellationToken) =>
        suppliers.ExportAsync(query, cancellationToken);

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

    protected override Task DeactivateAsync(Guid id, CancellationToken cancellationToken) => suppliers.DeactivateAsync(id, cancellationToken);

    protected override Task ActivateAsync(Guid id, CancellationToken cancellationToken) => suppliers.ActivateAsync(id, cancellationToken);
}
