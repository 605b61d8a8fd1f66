using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Returns;

/// <summary>Sales returns, filtered by where the goods went (the "status" filter lists the destinations).</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesReturnAppService returns, TimeProvider clock) : ListPageModel<SalesListQuery, SalesReturnSummaryDto>(clock)
{
    protected override string ExportName => "sales-returns";

    protected override Task<PagedResult<SalesReturnSummaryDto>> GetPageAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        returns.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SalesReturnSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        returns.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SalesReturnSummaryDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], r => r.Number),
        new(L["Sales:Delivery"], r => r.DeliveryNumber),
        new(L["Sales:Order"], r => r.OrderNumber),
        new(L["Sales:CustomerCode"], r => r.CustomerCode),
        new(L["Sales:Customer"], r => r.CustomerName),
        new(L["Sales:ReturnDestination"], r => L[$"SalesReturnDestination:{r.Destination}"].Value),
        new(L["Sales:Warehouse"], r => r.WarehouseCode),
        new(L["Sales:ReturnReason"], r => r.Reason),
        new(L["Sales:Credited"], r => r.CreditedAmount),
        new(L["Sales:CreatedAt"], r => r.CreatedAt),
    ];
}
