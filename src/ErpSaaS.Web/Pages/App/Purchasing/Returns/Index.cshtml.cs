using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Returns;

/// <summary>Purchase returns: search by return, receipt or order number, supplier or reason; sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(IPurchaseReturnAppService returns, TimeProvider clock) : ListPageModel<PurchaseReturnListQuery, PurchaseReturnSummaryDto>(clock)
{
    protected override string ExportName => "purchase-returns";

    protected override Task<PagedResult<PurchaseReturnSummaryDto>> GetPageAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken) =>
        returns.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<PurchaseReturnSummaryDto>> ExportAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken) =>
        returns.ExportAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<PurchaseReturnSummaryDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], r => r.Number),
        new(L["Purchasing:Receipt"], r => r.ReceiptNumber),
        new(L["Purchasing:Order"], r => r.OrderNumber),
        new(L["Purchasing:Supplier"], r => r.SupplierName),
        new(L["Purchasing:Warehouse"], r => r.WarehouseCode),
        new(L["Purchasing:ReturnedOn"], r => r.ReturnedOn),
        new(L["Purchasing:Reason"], r => r.Reason),
        new(L["Purchasing:Value"], r => r.TotalValue),
    ];
}
