using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Inventory.Reports;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Inventory.Alerts;

/// <summary>
/// A <see cref="StockCompany"/> whose products carry stock levels (safety stock, reorder point and quantity, maximum,
/// packs), with the alert, replenishment and report services at hand. Today, for the company (Asia/Shanghai), is
/// 2026-11-02: the fixture's clock stands at 2026-11-02 01:00 UTC.
/// </summary>
public sealed class AlertCompany
{
    public static readonly DateOnly Today = new(2026, 11, 2);

    private readonly Dictionary<string, Guid> _products = new(StringComparer.Ordinal);

    private AlertCompany(StockCompany stock) => Stock = stock;

    public StockCompany Stock { get; }
    public Guid Tenant => Stock.Tenant;

    public static async Task<AlertCompany> CreateAsync(ErpTestFixture fixture, params string[] warehouses) =>
        new(await StockCompany.CreateAsync(fixture, warehouses: warehouses));

    public Guid Product(string code) => _products[code];

    public async Task<Guid> AddProductAsync(
        string code, decimal safetyStock = 0m, decimal reorderPoint = 0m, decimal reorderQuantity = 0m, decimal? maximumStock = null,
        bool batchTracked = false, params UnitConversionDetails[] units) =>
        _products[code] = await Stock.InTransactionAsync(async sp => (await sp.GetRequiredService<ProductManager>().CreateAsync(code, new ProductDetails
        {
            Name = code + " name", BaseUnit = "PCS", SafetyStock = safetyStock, ReorderPoint = reorderPoint, ReorderQuantity = reorderQuantity,
            MaximumStock = maximumStock, IsBatchTracked = batchTracked, UnitConversions = units,
        })).Id);

    public Task ReceiveAsync(
        string product, decimal quantity, DateTimeOffset at, string warehouse = "WH01", string? batch = null, DateOnly? expiry = null, decimal unitCost = 2.50m) =>
        PostAsync(product, quantity, at, warehouse, batch, expiry, unitCost);

    public Task IssueAsync(string product, decimal quantity, DateTimeOffset at, string warehouse = "WH01", string? batch = null) =>
        PostAsync(product, -quantity, at, warehouse, batch, null, unitCost: null);

    private Task PostAsync(string product, decimal quantity, DateTimeOffset at, string warehouse, string? batch, DateOnly? expiry, decimal? unitCost) =>
        Stock.PostAsync(StockCompany.Posting(at, new StockMovement
        {
            ProductId = Product(product), WarehouseId = Stock.Warehouse(warehouse), Quantity = quantity, UnitCost = unitCost, LineNumber = 1,
            BatchNumber = batch, ExpiryDate = expiry,
        }));

    public Task<StockAlertSummaryDto> SummaryAsync() => Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAlertAppService>().GetSummaryAsync());

    public async Task<IReadOnlyList<StockAlertDto>> AlertsAsync(StockAlertKind? kind = null) =>
        (await Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAlertAppService>().GetListAsync(new StockAlertListQuery { Kind = kind, PageSize = 200 }))).Items;

    public Task<T> ReplenishmentAsync<T>(Func<IReplenishmentSuggestions, Task<T>> read) =>
        Stock.InCompanyAsync(sp => read(sp.GetRequiredService<IReplenishmentSuggestions>()));

    public Task<T> ReportsAsync<T>(Func<IInventoryReportAppService, Task<T>> read) =>
        Stock.InCompanyAsync(sp => read(sp.GetRequiredService<IInventoryReportAppService>()));

    public Task SetAsync(string setting, int days) => Stock.SetAsync(setting, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
