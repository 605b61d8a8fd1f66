using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Orders;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesOrderAppService orders, TimeProvider clock) : ListPageModel<SalesListQuery, SalesOrderSummaryDto>(clock)
{
    protected override string ExportName => "sales-orders";

    protected override Task<PagedResult<SalesOrderSummaryDto>> GetPageAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        orders.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SalesOrderSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        orders.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SalesOrderSummaryDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], o => o.Number),
        new(L["Sales:Status"], o => L[$"SalesOrderStatus:{o.Status}"].Value),
        new(L["Sales:CustomerCode"], o => o.CustomerCode),
        new(L["Sales:Customer"], o => o.CustomerName),
        new(L["Sales:OrderDate"], o => o.OrderDate),
        new(L["Sales:Total"], o => o.TotalAmount),
        new(L["Sales:Currency"], o => o.CurrencyCode),
        new(L["Sales:BackOrdered"], o => o.BackOrderedQuantity),
        new(L["Sales:CreatedAt"], o => o.CreatedAt),
    ];
}
