using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Deliveries;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesDeliveryAppService deliveries, TimeProvider clock) : ListPageModel<SalesListQuery, SalesDeliverySummaryDto>(clock)
{
    protected override string ExportName => "sales-deliveries";

    protected override Task<PagedResult<SalesDeliverySummaryDto>> GetPageAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        deliveries.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SalesDeliverySummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken) =>
        deliveries.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SalesDeliverySummaryDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], d => d.Number),
        new(L["Sales:Status"], d => L[$"SalesDeliveryStatus:{d.Status}"].Value),
        new(L["Sales:Order"], d => d.OrderNumber),
        new(L["Sales:CustomerCode"], d => d.CustomerCode),
        new(L["Sales:Customer"], d => d.CustomerName),
        new(L["Sales:Warehouse"], d => d.WarehouseCode),
        new(L["Sales:LineCount"], d => d.LineCount),
        new(L["Sales:CreatedAt"], d => d.CreatedAt),
        new(L["Sales:PostedAt"], d => d.PostedAt),
    ];
}
