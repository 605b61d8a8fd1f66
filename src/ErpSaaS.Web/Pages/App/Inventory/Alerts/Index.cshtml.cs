using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Alerts;

/// <summary>The alerts panel: counts per kind, the alerts of the filter, their export, and the two thresholds in days.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IStockAlertAppService alerts, IWarehouseAppService warehouses, IPermissionChecker permissions, TimeProvider clock)
    : ListPageModel<StockAlertListQuery, StockAlertDto>(clock)
{
    public StockAlertSummaryDto Summary { get; private set; } = null!;
    public IReadOnlyList<WarehouseDto> Warehouses { get; private set; } = [];
    public bool CanChangeSettings { get; private set; }

    [BindProperty]
    public StockAlertSettingsInput Input { get; set; } = new();

    protected override string ExportName => "stock-alerts";

    protected override Task<PagedResult<StockAlertDto>> GetPageAsync(StockAlertListQuery query, CancellationToken cancellationToken) =>
        alerts.GetListAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<StockAlertDto>> ExportAsync(StockAlertListQuery query, CancellationToken cancellationToken) =>
        alerts.ExportAsync(query, cancellationToken);

    protected override IEnumerable<CsvColumn<StockAlertDto>> ExportColumns() =>
    [
        new(L["StockAlerts:Kind"], a => L["StockAlerts:Kind:" + a.Kind].Value),
        new(L["StockAlerts:ProductCode"], a => a.ProductCode),
        new(L["StockAlerts:ProductName"], a => a.ProductName),
        new(L["StockAlerts:Warehouse"], a => a.WarehouseCode),
        new(L["StockAlerts:Batch"], a => a.BatchNumber),
        new(L["StockAlerts:ExpiryDate"], a => a.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(L["StockAlerts:Quantity"], a => a.Quantity),
        new(L["StockAlerts:Unit"], a => a.BaseUnit),
        new(L["StockAlerts:Threshold"], a => a.Threshold),
        new(L["StockAlerts:LastIssueAt"], a => a.LastIssueAt),
        new(L["StockAlerts:Days"], a => a.Days),
    ];

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken)
    {
        Summary = await alerts.GetSummaryAsync(cancellationToken);
        if (HttpMethods.IsGet(Request.Method))
        {
            Input = new StockAlertSettingsInput { SlowMovingDays = Summary.SlowMovingDays, ExpiryWarningDays = Summary.ExpiryWarningDays };
        }
        CanChangeSettings = await permissions.IsGrantedAsync(ErpPermissions.Settings.Manage, cancellationToken);
        if (await permissions.IsGrantedAsync(ErpPermissions.Trading.Catalog, cancellationToken))
        {
            Warehouses = (await warehouses.GetListAsync(new WarehouseListQuery { PageSize = PageRequest.MaxPageSize }, cancellationToken)).Items;
        }
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => alerts.UpdateSettingsAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["StockAlerts:SettingsSaved"].Value;
            return RedirectToPage();
        }
        await OnGetAsync(new StockAlertListQuery(), cancellationToken);
        return Page();
    }
}
