using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Invoices;

/// <summary>Purchase invoices: search by number, order, supplier or the supplier's number; filter by status or open ones; sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(IPurchaseInvoiceAppService invoices, TimeProvider clock) : ListPageModel<PurchaseInvoiceListQuery, PurchaseInvoiceSummaryDto>(clock)
{
    protected override string ExportName => "purchase-invoices";

    protected override Task<PagedResult<PurchaseInvoiceSummaryDto>> GetPageAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken) =>
        invoices.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<PurchaseInvoiceSummaryDto>> ExportAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken) =>
        invoices.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<PurchaseInvoiceSummaryDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], r => r.Number),
        new(L["Purchasing:Status"], r => L[$"PurchaseInvoiceStatus:{r.Status}"].Value),
        new(L["Purchasing:Order"], r => r.OrderNumber),
        new(L["Purchasing:Supplier"], r => r.SupplierName),
        new(L["Purchasing:SupplierReference"], r => r.SupplierReference),
        new(L["Purchasing:InvoiceDate"], r => r.InvoiceDate),
        new(L["Purchasing:Currency"], r => r.CurrencyCode),
        new(L["Purchasing:Total"], r => r.TotalAmount),
        new(L["Purchasing:Paid"], r => r.PaidAmount),
        new(L["Purchasing:Open"], r => r.OpenAmount),
    ];
}
