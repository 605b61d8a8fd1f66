using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Features;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Inventory.Documents;

/// <summary>
/// A company that keeps stock with documents: warehouses, bins and products by code, and the document services used
/// the way the pages use them (<c>await acme.Openings(s => s.CreateAsync(...))</c>). Balances are read from the ledger's tables.
/// </summary>
public sealed class StockDocumentsCompany
{
    private readonly ErpTestFixture _fixture;
    private readonly Dictionary<string, Guid> _warehouses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _products = new(StringComparer.Ordinal);

    private StockDocumentsCompany(ErpTestFixture fixture, Guid tenant, Guid admin)
    {
        _fixture = fixture;
        Tenant = tenant;
        Admin = admin;
    }

    public Guid Tenant { get; }
    public Guid Admin { get; }

    public static async Task<StockDocumentsCompany> CreateAsync(ErpTestFixture fixture, string plan = PlanCodes.Professional, params string[] warehouses)
    {
        var tenant = await fixture.Given.Tenant("doc-" + Guid.NewGuid().ToString("N")[..8], plan);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var company = new StockDocumentsCompany(fixture, tenant, admin);
        await company.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en");
            return true;
        });
        foreach (var code in warehouses.Length == 0 ? ["WH01"] : warehouses)
        {
            company._warehouses[code] = await company.InTransactionAsync(async sp =>
                (await sp.GetRequiredService<WarehouseManager>().CreateAsync(code, code + " warehouse", null, isDefault: code == "WH01")).Id);
        }
        return company;
    }

    public Guid Warehouse(string code) => _warehouses[code];
    public Guid Location(string code) => _locations[code];
    public Guid Product(string code) => _products[code];

    public async Task<Guid> AddLocationAsync(string warehouse, string code) =>
        _locations[code] = await InTransactionAsync(async sp =>
            (await sp.GetRequiredService<CatalogReferenceManager>().CreateLocationAsync(Warehouse(warehouse), code, "Bin " + code)).Id);

    public async Task<Guid> AddProductAsync(string code, Func<ProductDetails, ProductDetails>? details = null) =>
        _products[code] = await InTransactionAsync(async sp =>
        {
            var basics = new ProductDetails { Name = code + " name", BaseUnit = "PCS" };
            return (await sp.GetRequiredService<ProductManager>().CreateAsync(code, details?.Invoke(basics) ?? basics)).Id;
        });

    public Task SetAsync(string setting, string value) =>
        InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(setting, value);
            return true;
        });

    public Task<T> Openings<T>(Func<IOpeningBalanceAppService, Task<T>> work) => Use(work);
    public Task Openings(Func<IOpeningBalanceAppService, Task> work) => Use(work);
    public Task<T> Transfers<T>(Func<IStockTransferAppService, Task<T>> work) => Use(work);
    public Task Transfers(Func<IStockTransferAppService, Task> work) => Use(work);
    public Task<T> Adjustments<T>(Func<IStockAdjustmentAppService, Task<T>> work) => Use(work);
    public Task Adjustments(Func<IStockAdjustmentAppService, Task> work) => Use(work);
    public Task<T> Counts<T>(Func<IStockCountAppService, Task<T>> work) => Use(work);
    public Task Counts(Func<IStockCountAppService, Task> work) => Use(work);
    public Task<T> Documents<T>(Func<IStockDocumentAppService, Task<T>> work) => Use(work);

    /// <summary>Creates an opening of the lines and posts it; returns its id.</summary>
    public async Task<Guid> PostOpeningAsync(params OpeningBalanceLineInput[] lines)
    {
        var id = await Openings(s => s.CreateAsync(new OpeningBalanceInput { RequestId = Guid.NewGuid(), Lines = [.. lines] }));
        var version = (await Openings(s => s.GetAsync(id))).Header.Version;
        await Openings(s => s.PostAsync(id, new StockDocumentActionInput { Version = version }));
        return id;
    }

    public OpeningBalanceLineInput Opening(string product, string warehouse, decimal quantity, decimal? unitCost, string? unit = null, string? location = null,
        string? batch = null, DateOnly? expiry = null) =>
        new()
        {
            Product = product, WarehouseId = Warehouse(warehouse), Quantity = quantity, UnitCost = unitCost, Unit = unit, Location = location,
            BatchNumber = batch, ExpiryDate = expiry,
        };

    /// <summary>(on hand, value) per (warehouse code, bin code or "-", batch or "-") of a product, ordered by those keys.</summary>
    public Task<List<(string Place, decimal OnHand, decimal Value)>> BalancesAsync(string product) =>
        InCompanyAsync(async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var rows = await (from b in db.StockBalances.AsNoTracking()
                              where b.ProductId == Product(product) && (b.OnHand != 0m || b.Value != 0m)
                              join w in db.Warehouses on b.WarehouseId equals w.Id
                              from l in db.WarehouseLocations.Where(l => l.Id == b.LocationId).DefaultIfEmpty()
                              select new { Warehouse = w.Code, Location = l == null ? "-" : l.Code, b.BatchNumber, b.OnHand, b.Value }).ToListAsync();
            return rows.Select(r => ($"{r.Warehouse}/{r.Location}/{(r.BatchNumber.Length == 0 ? "-" : r.BatchNumber)}", r.OnHand, r.Value))
                .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        });

    public Task<T> InCompanyAsync<T>(Func<IServiceProvider, Task<T>> work) => _fixture.AsUserAsync(Tenant, Admin, work);

    public Task<T> InTransactionAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        InCompanyAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(_ => work(sp)));

    private Task<T> Use<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        InCompanyAsync(sp => work(sp.GetRequiredService<TService>()));

    private Task Use<TService>(Func<TService, Task> work) where TService : notnull =>
        InCompanyAsync(async sp =>
        {
            await work(sp.GetRequiredService<TService>());
            return true;
        });
}
