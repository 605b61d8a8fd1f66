using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Purchasing;

/// <summary>
/// A company that buys: its main warehouse WH01 and quarantine warehouse QC01, products and suppliers by code, and the
/// purchasing services used the way the pages use them (<c>await acme.Orders(s => s.SubmitAsync(...))</c>).
/// </summary>
public sealed class PurchasingCompany
{
    private readonly ErpTestFixture _fixture;
    private readonly Dictionary<string, Guid> _warehouses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _suppliers = new(StringComparer.Ordinal);

    private PurchasingCompany(ErpTestFixture fixture, Guid tenant, Guid admin)
    {
        _fixture = fixture;
        Tenant = tenant;
        Admin = admin;
    }

    public Guid Tenant { get; }
    public Guid Admin { get; }

    public static async Task<PurchasingCompany> CreateAsync(ErpTestFixture fixture, string plan = PlanCodes.Professional)
    {
        var tenant = await fixture.Given.Tenant("pur-" + Guid.NewGuid().ToString("N")[..8], plan);
        var admin = await fixture.Given.User(tenant, "admin", StaticRoles.Admin);
        var company = new PurchasingCompany(fixture, tenant, admin);
        await company.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<CatalogStarterData>().CreateAsync("en");
            var warehouses = sp.GetRequiredService<WarehouseManager>();
            company._warehouses["WH01"] = (await warehouses.CreateAsync("WH01", "Main warehouse", null, isDefault: true)).Id;
            company._warehouses["QC01"] = (await warehouses.CreateAsync("QC01", "Quarantine", null, isQuarantine: true)).Id;
            return true;
        });
        return company;
    }

    public Guid Warehouse(string code) => _warehouses[code];
    public Guid Product(string code) => _products[code];
    public Guid Supplier(string code) => _suppliers[code];

    /// <summary>A product in pieces, sold by the box of 10, taxed at 13 %, with a standard cost.</summary>
    public async Task<Guid> AddProductAsync(string code, decimal standardCost = 0m, bool batchTracked = false, string barcode = "", decimal reorderPoint = 0m,
        decimal reorderQuantity = 0m) =>
        _products[code] = await InTransactionAsync(async sp =>
        {
            var vat = await sp.GetRequiredService<ITaxRateRepository>().FindByCodeAsync("VAT13");
            return (await sp.GetRequiredService<ProductManager>().CreateAsync(code, new ProductDetails
            {
                Name = code + " name", BaseUnit = "PCS", StandardCost = standardCost, IsBatchTracked = batchTracked, TaxRateId = vat!.Id,
                UnitConversions = [new UnitConversionDetails("BOX", 10m)], Barcodes = barcode.Length > 0 ? [barcode] : null,
                ReorderPoint = reorderPoint, ReorderQuantity = reorderQuantity,
            })).Id;
        });

    /// <summary>A supplier invoicing in <paramref name="currency"/> with a default lead time.</summary>
    public async Task<Guid> AddSupplierAsync(string code, int leadTimeDays = 7, string currency = "CNY") =>
        _suppliers[code] = await InTransactionAsync(async sp =>
        {
            var supplier = await sp.GetRequiredService<SupplierManager>().CreateAsync(code, code + " Ltd", currency);
            supplier.ChangeTerms(30, leadTimeDays);
            return supplier.Id;
        });

    /// <summary>Lists a product on a supplier's price list: price per piece and, optionally, a lead time of its own.</summary>
    public Task ListAsync(string supplier, string product, decimal price, int? leadTimeDays = null, string currency = "CNY", bool preferred = false) =>
        InTransactionAsync(async sp =>
        {
            var found = await sp.GetRequiredService<ISupplierRepository>().FindAsync(Supplier(supplier));
            await sp.GetRequiredService<SupplierProductManager>().AddAsync(found!, product, new SupplierProductTerms(null, price, currency, leadTimeDays, 0m), preferred);
            return true;
        });

    public Task SetAsync(string setting, string value) =>
        InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(setting, value);
            return true;
        });

    public Task<T> Orders<T>(Func<IPurchaseOrderAppService, Task<T>> work) => InCompanyAsync(sp => work(sp.GetRequiredService<IPurchaseOrderAppService>()));
    public Task Orders(Func<IPurchaseOrderAppService, Task> work) => InCompanyAsync(async sp => { await work(sp.GetRequiredService<IPurchaseOrderAppService>()); return true; });
    public Task<T> Requisitions<T>(Func<IPurchaseRequisitionAppService, Task<T>> work) => InCompanyAsync(sp => work(sp.GetRequiredService<IPurchaseRequisitionAppService>()));
    public Task<T> Invoices<T>(Func<IPurchaseInvoiceAppService, Task<T>> work) => InCompanyAsync(sp => work(sp.GetRequiredService<IPurchaseInvoiceAppService>()));
    public Task Invoices(Func<IPurchaseInvoiceAppService, Task> work) => InCompanyAsync(async sp => { await work(sp.GetRequiredService<IPurchaseInvoiceAppService>()); return true; });
    public Task<T> Returns<T>(Func<IPurchaseReturnAppService, Task<T>> work) => InCompanyAsync(sp => work(sp.GetRequiredService<IPurchaseReturnAppService>()));
    public Task<T> Receipts<T>(Func<IGoodsReceiptAppService, Task<T>> work) => InCompanyAsync(sp => work(sp.GetRequiredService<IGoodsReceiptAppService>()));
    public Task Receipts(Func<IGoodsReceiptAppService, Task> work) => InCompanyAsync(async sp => { await work(sp.GetRequiredService<IGoodsReceiptAppService>()); return true; });

    /// <summary>A draft order from a supplier into WH01, one line per (product, quantity, unit).</summary>
    public Task<Guid> CreateOrderAsync(string supplier, params PurchaseOrderLineInput[] lines) =>
        Orders(s => s.CreateAsync(new PurchaseOrderInput { RequestId = Guid.NewGuid(), SupplierId = Supplier(supplier), WarehouseId = Warehouse("WH01"), Lines = [.. lines] }));

    public Task SubmitAsync(Guid order) => Orders(async s => await s.SubmitAsync(order, new() { Version = (await s.GetAsync(order)).Version }));

    /// <summary>Receives against an order and posts the receipt; returns its id.</summary>
    public async Task<Guid> ReceiveAsync(Guid order, Guid? quarantine, params GoodsReceiptLineInput[] lines)
    {
        var receipt = await Receipts(s => s.CreateAsync(new GoodsReceiptInput
        {
            RequestId = Guid.NewGuid(), PurchaseOrderId = order, QuarantineWarehouseId = quarantine, Lines = [.. lines],
        }));
        await Receipts(async s => await s.PostAsync(receipt, new() { Version = (await s.GetAsync(receipt)).Version }));
        return receipt;
    }

    /// <summary>On hand and on order of a product in a warehouse.</summary>
    public Task<(decimal OnHand, decimal OnOrder)> LevelAsync(string product, string warehouse) =>
        InCompanyAsync(async sp =>
        {
            var levels = await sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([Product(product)], Warehouse(warehouse));
            var level = levels.GetValueOrDefault(Product(product)) ?? StockLevel.None(Product(product), Warehouse(warehouse));
            return (level.OnHand, level.OnOrder);
        });

    /// <summary>Purchase orders from <paramref name="minimumAmount"/> up (in the company's currency) wait for the boss, who is added as a user.</summary>
    public async Task RequireBossApprovalFromAsync(decimal minimumAmount, ApprovalDocumentType documentType = ApprovalDocumentType.PurchaseOrder)
    {
        Boss = await _fixture.Given.User(Tenant, "boss", StaticRoles.Admin);
        await InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(documentType, new ApprovalStepInput
        {
            Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = Boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = minimumAmount,
        }));
    }

    public Guid Boss { get; private set; }

    /// <summary>The boss approves or rejects the order from the approval inbox.</summary>
    public Task DecideAsBossAsync(string orderNumber, bool approve, string? comment) =>
        _fixture.AsUserAsync(Tenant, Boss, async sp =>
        {
            var inbox = sp.GetRequiredService<IApprovalInboxAppService>();
            var item = (await inbox.GetPendingAsync(new ApprovalInboxQuery())).Items.Single(i => i.DocumentNumber == orderNumber);
            var input = new ApprovalDecisionInput { Comment = comment, Version = item.Version };
            if (approve) await inbox.ApproveAsync(item.RequestId, input);
            else await inbox.RejectAsync(item.RequestId, input);
            return true;
        });

    public Task<T> InCompanyAsync<T>(Func<IServiceProvider, Task<T>> work) => _fixture.AsUserAsync(Tenant, Admin, work);

    public Task<T> InTransactionAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        InCompanyAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(_ => work(sp)));
}
