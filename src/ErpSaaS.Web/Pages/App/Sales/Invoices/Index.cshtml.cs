using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Invoices;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesInvoiceAppService invoices, TimeProvider clock) : ListPageModel<SalesListQuery, SalesInvoiceSummaryDto>(clock)
{
    protected override string ExportName => "sales-invoices";

    protected override Task<PagedResult<SalesInvoiceSummaryDto>> GetPageAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        invoices.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SalesInvoiceSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        invoices.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SalesInvoiceSummaryDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], i => i.Number),
        new(L["Sales:Status"], i => L[$"SalesInvoiceStatus:{i.Status}"].Value),
        new(L["Sales:Order"], i => i.OrderNumber),
        new(L["Sales:CustomerCode"], i => i.CustomerCode),
        new(L["Sales:Customer"], i => i.CustomerName),
        new(L["Sales:InvoiceDate"], i => i.InvoiceDate),
        new(L["Sales:DueDate"], i => i.DueDate),
        new(L["Sales:Total"], i => i.TotalAmount),
        new(L["Sales:Open"], i => i.OpenAmount),
        new(L["Sales:Currency"], i => i.CurrencyCode),
    ];
}
