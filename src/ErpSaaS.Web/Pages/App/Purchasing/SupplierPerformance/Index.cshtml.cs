using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.SupplierPerformance;

/// <summary>Per supplier, for a period (the last 90 days unless chosen): on-time rate, quality pass rate and price variation; sort, page, export.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class IndexModel(ISupplierPerformanceAppService performance, TimeProvider clock) : ListPageModel<SupplierPerformanceQuery, SupplierPerformanceDto>(clock)
{
    protected override string ExportName => "supplier-performance";

    protected override Task<PagedResult<SupplierPerformanceDto>> GetPageAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken) =>
        performance.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SupplierPerformanceDto>> ExportAsync(SupplierPerformanceQuery query, CancellationToken cancellationToken) =>
        performance.GetAsync(query, cancellationToken);

    protected override IEnumerable<ExportColumn<SupplierPerformanceDto>> ExportColumns() =>
    [
        new(L["Purchasing:SupplierCode"], r => r.SupplierCode),
        new(L["Purchasing:Supplier"], r => r.SupplierName),
        new(L["Purchasing:Receipts"], r => r.Receipts),
        new(L["Purchasing:OnTimeReceipts"], r => r.OnTimeReceipts),
        new(L["Purchasing:OnTimeRate"], r => r.OnTimeRatePercent),
        new(L["Purchasing:Received"], r => r.ReceivedQuantity),
        new(L["Purchasing:Accepted"], r => r.AcceptedQuantity),
        new(L["Purchasing:QualityPassRate"], r => r.QualityPassRatePercent),
        new(L["Purchasing:PricedLines"], r => r.PricedLines),
        new(L["Purchasing:PriceVariation"], r => r.PriceVariationPercent),
    ];
}
