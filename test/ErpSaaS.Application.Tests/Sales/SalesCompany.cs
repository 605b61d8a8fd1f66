using ErpSaaS.Application.Tests.Inventory;
using ErpSaaS.Catalog;
using ErpSaaS.Inventory;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>
/// A company that sells: the stock company's warehouses and postings, plus products with a sale price and 13 % VAT,
/// customers with credit limits, and orders that read like the salesperson's day
/// (<c>await shop.OrderAsync("C1", ("SKU-1", 30m))</c>).
/// </summary>
public sealed class SalesCompany
{
    private readonly Dictionary<string, Guid> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _products = new(StringComparer.Ordinal);

    private SalesCompany(StockCompany stock) => Stock = stock;

    public StockCompany Stock { get; }

    public static async Task<SalesCompany> CreateAsync(ErpTestFixture fixture) => new(await StockCompany.CreateAsync(fixture));

    public Guid Product(string code) => _products[code];
    public Guid Warehouse(string code = "WH01") => Stock.Warehouse(code);
    public Guid Customer(string code) => _customers[code];

    public async Task AddProductAsync(string code, decimal salePrice, bool batchTracked = false) =>
        _products[code] = await Stock.InTransactionAsync(async sp =>
        {
            var vat = await sp.GetRequiredService<ITaxRateRepository>().FindByCodeAsync("VAT13");
            var product = await sp.GetRequiredService<ProductManager>().CreateAsync(code, new ProductDetails
            {
                Name = code, BaseUnit = "PCS", SalePrice = salePrice, TaxRateId = vat!.Id, IsBatchTracked = batchTracked,
                UnitConversions = [new UnitConversionDetails("BOX", 10m)],
            });
            return product.Id;
        });

    /// <summary>A customer billed in <paramref name="currency"/>; the credit limit is in that currency too.</summary>
    public async Task AddCustomerAsync(string code, decimal creditLimit, string currency = "CNY") =>
        _customers[code] = await Stock.InTransactionAsync(async sp =>
        {
            var customer = await sp.GetRequiredService<CustomerManager>().CreateAsync(code, code + " Ltd", currency);
            customer.ChangeCreditTerms(creditLimit, 30);
            return customer.Id;
        });

    public Task<T> AsSalespersonAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        Stock.InCompanyAsync(sp => work(sp.GetRequiredService<TService>()));

    public Task<Guid> OrderAsync(string customer, params (string Product, decimal Quantity)[] lines) =>
        AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = Customer(customer), WarehouseId = Warehouse(),
            Lines = [.. lines.Select(l => new SalesOrderLineInput { Product = l.Product, Quantity = l.Quantity })],
        }));

    public Task<SalesOrderDto> GetOrderAsync(Guid id) => AsSalespersonAsync<ISalesOrderAppService, SalesOrderDto>(orders => orders.GetAsync(id));

    public async Task<SalesOrderStatus> ConfirmAsync(Guid id)
    {
        var order = await GetOrderAsync(id);
        return await AsSalespersonAsync<ISalesOrderAppService, SalesOrderStatus>(orders => orders.ConfirmAsync(id, new SalesActionInput { Version = order.Version }));
    }

    public async Task<Guid> DeliverAsync(Guid orderId, params (int Line, decimal Quantity)[] lines)
    {
        var deliveryId = await AsSalespersonAsync<ISalesDeliveryAppService, Guid>(deliveries => deliveries.CreateAsync(new SalesDeliveryInput
        {
            RequestId = Guid.NewGuid(), OrderId = orderId,
            Lines = [.. lines.Select(l => new SalesDeliveryLineInput { OrderLineNumber = l.Line, Quantity = l.Quantity })],
        }));
        var delivery = await AsSalespersonAsync<ISalesDeliveryAppService, SalesDeliveryDto>(deliveries => deliveries.GetAsync(deliveryId));
        await AsSalespersonAsync<ISalesDeliveryAppService, bool>(async deliveries =>
        {
            await deliveries.PostAsync(deliveryId, new SalesActionInput { Version = delivery.Version });
            return true;
        });
        return deliveryId;
    }

    public Task<Guid> InvoiceAsync(Guid deliveryId) =>
        AsSalespersonAsync<ISalesInvoiceAppService, Guid>(invoices => invoices.CreateFromDeliveryAsync(deliveryId));

    public async Task ReceiveAsync(Guid invoiceId, decimal amount)
    {
        var invoice = await AsSalespersonAsync<ISalesInvoiceAppService, SalesInvoiceDto>(invoices => invoices.GetAsync(invoiceId));
        await AsSalespersonAsync<ISalesInvoiceAppService, bool>(async invoices =>
        {
            await invoices.RecordReceiptAsync(invoiceId, new SalesReceiptInput { Version = invoice.Version, Amount = amount, Method = ReceiptMethod.BankTransfer });
            return true;
        });
    }

    /// <summary>Stock received into WH01 at a unit cost (a batch with its expiry for batch-tracked products).</summary>
    public Task ReceiveStockAsync(string product, decimal quantity, decimal unitCost, string? batch = null, DateOnly? expiry = null) =>
        Stock.PostAsync(StockCompany.Posting(StockCompany.Day1, new StockMovement
        {
            ProductId = Product(product), WarehouseId = Warehouse(), Quantity = quantity, UnitCost = unitCost, BatchNumber = batch, ExpiryDate = expiry, LineNumber = 1,
        }));

    /// <summary>A purchase order line expecting the product in WH01 on a day.</summary>
    public Task ExpectSupplyAsync(string product, decimal quantity, DateOnly dueOn) =>
        Stock.InTransactionAsync(async sp =>
        {
            await sp.GetRequiredService<IStockSupplies>().ExpectAsync(new StockSupplyRequest
            {
                SourceType = "PurchaseOrder", SourceId = Guid.NewGuid(), SourceNumber = "PO-TEST", SourceLine = 1, ProductId = Product(product),
                WarehouseId = Warehouse(), Kind = StockSupplyKind.OnOrder, Quantity = quantity, DueOn = dueOn,
            });
            return true;
        });

    public async Task<StockLevel> LevelAsync(string product) =>
        (await Stock.InCompanyAsync(sp => sp.GetRequiredService<IStockAvailability>().GetLevelsAsync([Product(product)], Warehouse())))[Product(product)];
}
