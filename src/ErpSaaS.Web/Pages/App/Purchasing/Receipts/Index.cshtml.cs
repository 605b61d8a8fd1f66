using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Receipts;

/// <summary>Goods receipts: search by receipt or order number or supplier, filter by status, sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.PurchasingOrReceiving)]
public sealed class IndexModel(IGoodsReceiptAppService receipts, TimeProvider clock) : ListPageModel<GoodsReceiptListQuery, GoodsReceiptSummaryDto>(clock)
{
    protected override string ExportName => "goods-receipts";

    /// <summary>The oldest approved orders still waiting for goods: a receipt starts from one of them.</summary>
    public IReadOnlyList<PurchaseOrderSummaryDto> ReceivableOrders { get; private set; } = [];
    public int ReceivableOrderCount { get; private set; }

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken)
    {
        var receivable = await receipts.GetReceivableOrdersAsync(new PurchaseOrderListQuery { Sort = "orderDate", PageSize = 10 }, cancellationToken);
        (ReceivableOrders, ReceivableOrderCount) = (receivable.Items, receivable.TotalCount);
    }

    protected override Task<PagedResult<GoodsReceiptSummaryDto>> GetPageAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken) =>
        receipts.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<GoodsReceiptSummaryDto>> ExportAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken) =>
        receipts.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<GoodsReceiptSummaryDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], r => r.Number),
        new(L["Purchasing:Status"], r => L[$"GoodsReceiptStatus:{r.Status}"].Value),
        new(L["Purchasing:Order"], r => r.OrderNumber),
        new(L["Purchasing:Supplier"], r => r.SupplierName),
        new(L["Purchasing:Warehouse"], r => r.WarehouseCode),
        new(L["Purchasing:ReceivedOn"], r => r.ReceivedOn),
        new(L["Purchasing:PostedAt"], r => r.PostedAt),
    ];
}
