using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Reports;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;

namespace ErpSaaS.Web.Pages.App.Inventory.Reports;

/// <summary>Batches in stock expiring within the chosen days (expired ones first), per warehouse.</summary>
public sealed class ExpiringBatchesModel(IInventoryReportAppService reports, IWarehouseAppService warehouses, IPermissionChecker permissions, TimeProvider clock)
    : InventoryReportPageModel<ExpiringBatchQuery, ExpiringBatchRowDto>(warehouses, permissions, clock)
{
    protected override string ExportName => "expiring-batches";

    protected override Task<InventoryReport<ExpiringBatchRowDto>> GetReportAsync(ExpiringBatchQuery query, CancellationToken cancellationToken) =>
        reports.GetExpiringBatchesAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<ExpiringBatchRowDto>> ExportAsync(ExpiringBatchQuery query, CancellationToken cancellationToken) =>
        reports.ExportExpiringBatchesAsync(query, cancellationToken);

    protected override IEnumerable<CsvColumn<ExpiringBatchRowDto>> ExportColumns() =>
    [
        new(L["StockAlerts:ProductCode"], r => r.ProductCode),
        new(L["StockAlerts:ProductName"], r => r.ProductName),
        new(L["StockAlerts:Warehouse"], r => r.WarehouseCode),
        new(L["StockAlerts:Batch"], r => r.BatchNumber),
        new(L["StockAlerts:ExpiryDate"], r => r.ExpiryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(L["StockAlerts:DaysLeftColumn"], r => r.DaysLeft),
        new(L["StockAlerts:Quantity"], r => r.Quantity),
        new(L["StockAlerts:Unit"], r => r.BaseUnit),
        new(L["StockAlerts:Value"], r => r.Value),
    ];
}
