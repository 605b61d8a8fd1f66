using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using ErpSaaS.Web.Shell;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Tracking;

/// <summary>The purchase order tracking board: counts per stage, the orders of the filter with their late marks, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(IPurchaseTrackingAppService tracking, IPurchaseOrderAppService orders, TimeProvider clock)
    : ListPageModel<PurchaseTrackingQuery, PurchaseTrackingRowDto>(clock)
{
    public PurchaseTrackingBoardDto Board { get; private set; } = null!;
    public PurchasingOptionsDto Options { get; private set; } = null!;

    protected override string ExportName => "purchase-tracking";

    protected override async Task<PagedResult<PurchaseTrackingRowDto>> GetPageAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken)
    {
        Board = await tracking.GetBoardAsync(query, cancellationToken);
        return Board.Rows;
    }

    protected override Task<IReadOnlyList<PurchaseTrackingRowDto>> ExportAsync(PurchaseTrackingQuery query, CancellationToken cancellationToken) =>
        tracking.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => Options = await orders.GetOptionsAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<PurchaseTrackingRowDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], r => r.Number),
        new(L["PurchaseTracking:Stage"], r => L[$"PurchaseOrderStage:{r.Stage}"].Value),
        new(L["Purchasing:SupplierCode"], r => r.SupplierCode),
        new(L["Purchasing:Supplier"], r => r.SupplierName),
        new(L["Purchasing:Warehouse"], r => r.WarehouseCode),
        new(L["Purchasing:OrderDate"], r => r.OrderDate),
        new(L["PurchaseTracking:DueOn"], r => r.DueOn),
        new(L["Purchasing:Currency"], r => r.CurrencyCode),
        new(L["Purchasing:Total"], r => r.TotalAmount),
        new(L["PurchaseTracking:OpenQuantity"], r => r.OpenQuantity),
        new(L["PurchaseTracking:OpenPayable"], r => r.OpenPayable),
        new(L["PurchaseTracking:DaysLate"], r => r.ReceiptLate ? r.DaysLate : null),
        new(L["PurchaseTracking:ApprovalDue"], r => r.ApprovalDueAt is { } due ? User.ToUserTime(due).ToString("yyyy-MM-dd HH:mm") : null),
        new(L["PurchaseTracking:ApprovalOverdue"], r => r.ApprovalOverdue ? L["PurchaseTracking:Yes"].Value : null),
    ];
}
