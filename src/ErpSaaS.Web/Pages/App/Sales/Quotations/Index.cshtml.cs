using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Quotations;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesQuotationAppService quotations, TimeProvider clock) : ListPageModel<SalesListQuery, SalesQuotationSummaryDto>(clock)
{
    protected override string ExportName => "sales-quotations";

    protected override Task<PagedResult<SalesQuotationSummaryDto>> GetPageAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        quotations.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SalesQuotationSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        quotations.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SalesQuotationSummaryDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], q => q.Number),
        new(L["Sales:Status"], q => L[$"SalesQuotationStatus:{q.Status}"].Value),
        new(L["Sales:CustomerCode"], q => q.CustomerCode),
        new(L["Sales:Customer"], q => q.CustomerName),
        new(L["Sales:QuotationDate"], q => q.QuotationDate),
        new(L["Sales:ValidUntil"], q => q.ValidUntil),
        new(L["Sales:Total"], q => q.TotalAmount),
        new(L["Sales:Currency"], q => q.CurrencyCode),
    ];
}
