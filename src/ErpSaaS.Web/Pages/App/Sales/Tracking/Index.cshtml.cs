using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Shell;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Tracking;

/// <summary>The sales order tracking board: counts per stage, the orders of the filter with their late marks, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class IndexModel(ISalesTrackingAppService tracking, ISalesOrderAppService orders, TimeProvider clock)
    : ListPageModel<SalesTrackingQuery, SalesTrackingRowDto>(clock)
{
    public SalesTrackingBoardDto Board { get; private set; } = null!;
    public SalesOptionsDto Options { get; private set; } = null!;

    protected override string ExportName => "sales-tracking";

    protected override async Task<PagedResult<SalesTrackingRowDto>> GetPageAsync(SalesTrackingQuery query, CancellationToken cancellationToken)
    {
        Board = await tracking.GetBoardAsync(query, cancellationToken);
        return Board.Rows;
    }

    protected override Task<IReadOnlyList<SalesTrackingRowDto>> ExportAsync(SalesTrackingQuery query, CancellationToken cancellationToken) =>
        tracking.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => Options = await orders.GetOptionsAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<SalesTrackingRowDto>> ExportColumns() =>
    [
        new(L["Sales:Number"], r => r.Number),
        new(L["SalesTracking:Stage"], r => L[$"SalesOrderStage:{r.Stage}"].Value),
        new(L["SalesTracking:CustomerCode"], r => r.CustomerCode),
        new(L["Sales:Customer"], r => r.CustomerName),
        new(L["Sales:Warehouse"], r => r.WarehouseCode),
        new(L["Sales:OrderDate"], r => r.OrderDate),
        new(L["Sales:PromisedDate"], r => r.PromisedDate),
        new(L["SalesTracking:Currency"], r => r.CurrencyCode),
        new(L["Sales:Total"], r => r.TotalAmount),
        new(L["SalesTracking:OpenQuantity"], r => r.OpenQuantity),
        new(L["SalesTracking:OpenReceivable"], r => r.OpenReceivable),
        new(L["SalesTracking:DaysLate"], r => r.DeliveryLate ? r.DaysLate : null),
        new(L["SalesTracking:ApprovalDue"], r => r.ApprovalDueAt is { } due ? User.ToUserTime(due).ToString("yyyy-MM-dd HH:mm") : null),
        new(L["SalesTracking:ApprovalOverdue"], r => r.ApprovalOverdue ? L["SalesTracking:Yes"].Value : null),
        new(L["SalesTracking:SupplyDueOn"], r => r.SupplyDueOn),
    ];
}
