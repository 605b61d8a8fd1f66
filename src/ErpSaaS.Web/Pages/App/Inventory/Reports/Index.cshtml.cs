using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Reports;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;

namespace ErpSaaS.Web.Pages.App.Inventory.Reports;

/// <summary>Stock value at a date: quantity and value per product and warehouse at the end of the chosen day.</summary>
public sealed class IndexModel(IInventoryReportAppService reports, IWarehouseAppService warehouses, IPermissionChecker permissions, TimeProvider clock)
    : InventoryReportPageModel<StockValueQuery, StockValueRowDto>(warehouses, permissions, clock)
{
    protected override string ExportName => "stock-value";

    protected override Task<InventoryReport<StockValueRowDto>> GetReportAsync(StockValueQuery query, CancellationToken cancellationToken) =>
        reports.GetStockValueAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<StockValueRowDto>> ExportAsync(StockValueQuery query, CancellationToken cancellationToken) =>
        reports.ExportStockValueAsync(query, cancellationToken);

    protected override IEnumerable<CsvColumn<StockValueRowDto>> ExportColumns() =>
    [
        new(L["StockAlerts:ProductCode"], r => r.ProductCode),
        new(L["StockAlerts:ProductName"], r => r.ProductName),
        new(L["StockAlerts:Warehouse"], r => r.WarehouseCode),
        new(L["StockAlerts:Quantity"], r => r.Quantity),
        new(L["StockAlerts:Unit"], r => r.BaseUnit),
        new(L["StockAlerts:Value"], r => r.Value),
    ];
}
