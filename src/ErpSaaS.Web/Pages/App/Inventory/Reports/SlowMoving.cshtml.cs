using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Reports;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;

namespace ErpSaaS.Web.Pages.App.Inventory.Reports;

/// <summary>Slow movers: stock with nothing going out for at least the chosen days, with its last movements and value.</summary>
public sealed class SlowMovingModel(IInventoryReportAppService reports, IWarehouseAppService warehouses, IPermissionChecker permissions, TimeProvider clock)
    : InventoryReportPageModel<SlowMovingQuery, SlowMovingRowDto>(warehouses, permissions, clock)
{
    protected override string ExportName => "slow-moving";

    protected override Task<InventoryReport<SlowMovingRowDto>> GetReportAsync(SlowMovingQuery query, CancellationToken cancellationToken) =>
        reports.GetSlowMovingAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<SlowMovingRowDto>> ExportAsync(SlowMovingQuery query, CancellationToken cancellationToken) =>
        reports.ExportSlowMovingAsync(query, cancellationToken);

    protected override IEnumerable<CsvColumn<SlowMovingRowDto>> ExportColumns() =>
    [
        new(L["StockAlerts:ProductCode"], r => r.ProductCode),
        new(L["StockAlerts:ProductName"], r => r.ProductName),
        new(L["StockAlerts:Warehouse"], r => r.WarehouseCode),
        new(L["StockAlerts:LastMovementAt"], r => r.LastMovementAt),
        new(L["StockAlerts:LastIssueAt"], r => r.LastIssueAt),
        new(L["StockAlerts:DaysIdle"], r => r.DaysIdle),
        new(L["StockAlerts:Quantity"], r => r.Quantity),
        new(L["StockAlerts:Unit"], r => r.BaseUnit),
        new(L["StockAlerts:Value"], r => r.Value),
    ];
}
