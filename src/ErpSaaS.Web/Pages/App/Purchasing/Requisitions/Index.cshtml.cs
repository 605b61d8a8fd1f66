using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Requisitions;

/// <summary>Purchase requisitions: search by number or comment, filter by status, sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(IPurchaseRequisitionAppService requisitions, TimeProvider clock)
    : ListPageModel<PurchaseRequisitionListQuery, PurchaseRequisitionSummaryDto>(clock)
{
    protected override string ExportName => "purchase-requisitions";

    protected override Task<PagedResult<PurchaseRequisitionSummaryDto>> GetPageAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken) =>
        requisitions.GetListAsync(query, cancellationToken);

    protected override async Task<IReadOnlyList<PurchaseRequisitionSummaryDto>> ExportAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken)
    {
        query.ClampForExport();
        return (await requisitions.GetListAsync(query, cancellationToken)).Items;
    }

    protected override IEnumerable<ExportColumn<PurchaseRequisitionSummaryDto>> ExportColumns() =>
    [
        new(L["Purchasing:Number"], r => r.Number),
        new(L["Purchasing:Status"], r => L[$"PurchaseRequisitionStatus:{r.Status}"].Value),
        new(L["Purchasing:Warehouse"], r => r.WarehouseCode),
        new(L["Purchasing:LineCount"], r => r.LineCount),
        new(L["Purchasing:Comment"], r => r.Comment),
        new(L["Purchasing:CreatedAt"], r => r.CreatedAt),
    ];
}
