using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Orders;

/// <summary>Purchase orders: search by number, supplier or comment, filter by status and supplier, sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(IPurchaseOrderAppService orders, TimeProvider clock) : ListPageModel<PurchaseOrderListQuery, PurchaseOrderSummaryDto>(clock)
{
    public PurchasingOptionsDto Options { get; private set; } = null!;

    protected override string ExportName => "purchase-orders";

    protected override Task<PagedResult<PurchaseOrderSummaryDto>> GetPageAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken) =>
        orders.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<PurchaseOrderSummaryDto>> ExportAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken) =>
        orders.ExportAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) => Options = await orders.GetOptionsAsync(cancellationToken);

    protected override IEnumerable<ExportColumn<PurchaseOrderSummaryDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], o => o.Number),
        new(L["Purchasing:Status"], o => L[$"PurchaseOrderStatus:{o.Status}"].Value),
        new(L["Purchasing:SupplierCode"], o => o.SupplierCode),
        new(L["Purchasing:Supplier"], o => o.SupplierName),
        new(L["Purchasing:Warehouse"], o => o.WarehouseCode),
        new(L["Purchasing:OrderDate"], o => o.OrderDate),
        new(L["Purchasing:Currency"], o => o.CurrencyCode),
        new(L["Purchasing:Total"], o => o.TotalAmount),
        new(L["Purchasing:CreatedAt"], o => o.CreatedAt),
    ];
}
