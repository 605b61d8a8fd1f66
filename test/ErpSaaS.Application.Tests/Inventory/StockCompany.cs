using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Inventory;

/// <summary>
/// A company set up for stock tests: units and tax rates, warehouses and products by code, and postings that read
/// like the documents that make them (<c>await acme.ReceiveAsync("SKU-1", "WH01", 10, 5.00m)</c>).
/// </summary>
public sealed class StockCompany
{
    public static readonly DateTimeOffset Day1 = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly ErpTestFixture _fixture;
    private readonly Dictionary<string, Guid> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _warehouses = new(StringComparer.Ordinal);

    private StockCompany(ErpTestFixture fixture, Guid tenant, Guid admin)
    {
        _fixture = fixture;
        Tenant = tenant;
        Admin = admin;
    }

    public Guid Tenant { get; }
    public Guid Admin { get; }

    public static async Task<StockCompany> CreateAsync(ErpTestFixture fixture, string plan = PlanCodes.Professional, params string[] warehouses)
    {
        var tenant = await fixture.Given.Tenant("stk-" + Guid.NewGuid().ToString("N")[..8], plan);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var company = new StockCompany(fixture, tenant, admin);
        await company.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en");
            return true;
        });
        foreach (var code in warehouses.Length == 0 ? ["WH01"] : warehouses) await company.AddWarehouseAsync(code);
        return company;
    }

    public Guid Product(string code) => _products[code];
    public Guid Warehouse(string code) => _warehouses[code];

    public async Task<Guid> AddWarehouseAsync(string code) =>
        _warehouses[code] = await InTransactionAsync(async sp => (await sp.GetRequiredService<WarehouseManager>().CreateAsync(code, code + " warehouse", null)).Id);

    public Task<Guid> AddLocationAsync(string warehouse, string code) =>
        InTransactionAsync(async sp => (await sp.GetRequiredService<CatalogReferenceManager>().CreateLocationAsync(Warehouse(warehouse), code, "Bin " + code)).Id);

    public async Task<Guid> AddProductAsync(
        string code, ValuationMethod valuation = ValuationMethod.MovingAverage, bool batchTracked = false, decimal standardCost = 0m, ProductType type = ProductType.Goods) =>
        _products[code] = await InTransactionAsync(async sp => (await sp.GetRequiredService<ProductManager>().CreateAsync(code, new ProductDetails
        {
            Name = code, BaseUnit = "PCS", ValuationMethod = valuation, IsBatchTracked = batchTracked, StandardCost = standardCost, Type = type,
        })).Id);

    public Task SetAsync(string setting, string value) =>
        InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(setting, value);
            return true;
        });

    public Task<T> InCompanyAsync<T>(Func<IServiceProvider, Task<T>> work) => _fixture.AsUserAsync(Tenant, Admin, work);

    /// <summary>
    /// Services of their own over at most <paramref name="connections"/> connections, for many simultaneous users: the
    /// extra callers queue for a connection instead of needing more slots than a shared server has free.
    /// </summary>
    public ServiceProvider ServicesWithPool(int connections) =>
        ErpTestFixture.BuildServices(ErpTestFixture.TestConfiguration(_fixture.DatabaseName, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = _fixture.ConnectionString + $";Maximum Pool Size={connections};Timeout=60",
        }), _fixture.Clock);

    /// <summary>A unit of work of this company's admin, in its own transaction, from <paramref name="services"/>.</summary>
    public static async Task<T> InTransactionAsync<T>(IServiceProvider services, StockCompany company, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ErpSaaS.Tenancy.ICurrentTenant>().Change(company.Tenant);
        scope.ServiceProvider.GetRequiredService<ErpSaaS.Identity.ICurrentUser>().Change(company.Admin, "admin");
        return await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(_ => work(scope.ServiceProvider));
    }

    public Task<T> InTransactionAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        InCompanyAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(_ => work(sp)));

    public Task<IReadOnlyList<PostedMovement>> PostAsync(StockPosting posting) =>
        InTransactionAsync(sp => sp.GetRequiredService<IStockLedger>().PostAsync(posting));

    public StockMovement Line(string product, string warehouse, decimal quantity, decimal? unitCost = null, int line = 1, Guid? location = null, string? batch = null, DateOnly? expiry = null) =>
        new()
        {
            ProductId = Product(product), WarehouseId = Warehouse(warehouse), Quantity = quantity, UnitCost = unitCost, LineNumber = line,
            LocationId = location, BatchNumber = batch, ExpiryDate = expiry,
        };

    public static StockPosting Posting(DateTimeOffset at, params StockMovement[] movements) =>
        new(StockSourceTypes.Adjustment, Guid.NewGuid(), "ADJ-" + Guid.NewGuid().ToString("N")[..6], at, movements);

    public async Task<PostedMovement> ReceiveAsync(string product, string warehouse, decimal quantity, decimal? unitCost, DateTimeOffset? at = null) =>
        (await PostAsync(Posting(at ?? Day1, Line(product, warehouse, quantity, unitCost))))[0];

    public async Task<PostedMovement> IssueAsync(string product, string warehouse, decimal quantity, DateTimeOffset? at = null) =>
        (await PostAsync(Posting(at ?? Day1, Line(product, warehouse, -quantity))))[0];
}
