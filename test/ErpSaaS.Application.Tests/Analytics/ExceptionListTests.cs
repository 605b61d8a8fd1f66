using ErpSaaS.Analytics;
using ErpSaaS.Application.Tests.Purchasing;
using ErpSaaS.Application.Tests.Sales;
using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Analytics;

/// <summary>Each kind of exception on a data set small enough to compute by hand, and gone once the threshold is above it (the class moves its own clock).</summary>
public sealed class ExceptionListTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static PurchaseOrderLineInput Line(string product, decimal quantity, decimal price, DateOnly expected) =>
        new() { Product = product, Quantity = quantity, UnitPrice = price, ExpectedDate = expected };

    private static Task<ExceptionListDto> ExceptionsAsync(Func<Func<IServiceProvider, Task<ExceptionListDto>>, Task<ExceptionListDto>> inCompany, ExceptionKind kind) =>
        inCompany(sp => sp.GetRequiredService<IExceptionListAppService>().GetAsync(new ExceptionListQuery { Kind = kind }));

    [Fact]
    public async Task Prices_above_the_average_late_suppliers_overdue_approvals_and_stock_below_safety_level_are_listed_until_the_threshold_is_raised()
    {
        var acme = await PurchasingCompany.CreateAsync(fixture);
        await acme.AddProductAsync("P-1");
        await acme.AddProductAsync("P-2");
        await acme.InTransactionAsync(async sp => (await sp.GetRequiredService<ProductManager>().CreateAsync("P-3",
            new ProductDetails { Name = "P-3 name", BaseUnit = "PCS", SafetyStock = 5m })).Id);
        await acme.AddSupplierAsync("S-1");
        await acme.AddSupplierAsync("S-2");
        var boss = await fixture.Given.User(acme.Tenant, "boss", StaticRoles.Admin);
        await acme.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(ApprovalDocumentType.PurchaseOrder, new ApprovalStepInput
        {
            Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, ConditionKind = ApprovalConditionKind.AmountAtLeast, ConditionNumber = 1000m, SlaHours = 4,
        }));
        var today = await acme.InCompanyAsync(async sp => (await sp.GetRequiredService<PurchasingActors>().CurrentAsync()).Today);

        // P-1: 10 at ¥5 twice from S-1 and 10 at ¥7 from S-2: average (50 + 50 + 70) / 30 = 5.666667; ¥7 is 23.53 % above.
        var onTime = await acme.CreateOrderAsync("S-1", Line("P-1", 10m, 5m, today.AddDays(1)));
        var late = await acme.CreateOrderAsync("S-1", Line("P-1", 10m, 5m, today.AddDays(1)));
        var dear = await acme.CreateOrderAsync("S-2", Line("P-1", 10m, 7m, today.AddDays(10)));
        var big = await acme.CreateOrderAsync("S-1", Line("P-2", 100m, 20m, today.AddDays(30)));
        foreach (var order in new[] { onTime, late, dear, big }) await acme.SubmitAsync(order);
        await acme.ReceiveAsync(onTime, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        await acme.ReceiveAsync(dear, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        var dueAt = fixture.Clock.GetUtcNow().AddHours(4);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        // S-1's second receipt comes two days after it was due: 1 late of 2 = 50 %; S-2 was on time.
        await acme.ReceiveAsync(late, null, new GoodsReceiptLineInput { OrderLineNumber = 1, AcceptedQuantity = 10m });
        var dearNumber = (await acme.Orders(s => s.GetAsync(dear))).Number;
        var bigNumber = (await acme.Orders(s => s.GetAsync(big))).Number;

        var prices = await ExceptionsAsync(acme.InCompanyAsync, ExceptionKind.PriceAboveAverage);
        var suppliers = await ExceptionsAsync(acme.InCompanyAsync, ExceptionKind.SupplierLate);
        var approvals = await ExceptionsAsync(acme.InCompanyAsync, ExceptionKind.ApprovalOverdue);
        var stock = await ExceptionsAsync(acme.InCompanyAsync, ExceptionKind.BelowSafetyStock);

        prices.Counts.ShouldBe(new Dictionary<ExceptionKind, int>
        {
            [ExceptionKind.PriceAboveAverage] = 1, [ExceptionKind.SupplierLate] = 1, [ExceptionKind.ProductReturnRate] = 0, [ExceptionKind.CustomerReturnRate] = 0,
            [ExceptionKind.ApprovalOverdue] = 1, [ExceptionKind.BelowSafetyStock] = 1, [ExceptionKind.ExpiringBatch] = 0,
        }, ignoreOrder: true);
        prices.Items.Items.Select(i => (i.Reference, i.Url, i.Actual, i.Baseline, i.Percent))
            .ShouldBe([(dearNumber, "/app/purchasing/orders/" + dear, (decimal?)7m, (decimal?)5.666667m, (decimal?)23.53m)]);
        suppliers.Items.Items.Select(i => (i.Reference, i.Url, i.Actual, i.Baseline, i.Percent))
            .ShouldBe([("S-1", "/app/purchasing/supplier-performance?Search=S-1", (decimal?)1m, (decimal?)2m, (decimal?)50.00m)]);
        approvals.Items.Items.Select(i => (i.Reference, i.Url, i.Detail, i.DueAt)).ShouldBe([(bigNumber, "/app/purchasing/orders/" + big, "Boss", (DateTimeOffset?)dueAt)]);
        stock.Items.Items.Select(i => (i.Reference, i.Actual, i.Baseline)).ShouldBe([("P-3", (decimal?)0m, (decimal?)5m)]);
        stock.Items.Items.Single().Url.ShouldBe("/app/inventory/alerts?Kind=BelowSafetyStock&Search=P-3");

        // Thresholds raised to the figures' level: exactly at the threshold is no exception.
        await acme.SetAsync(AnalyticsSettings.PriceIncreasePercent, "30");
        await acme.SetAsync(AnalyticsSettings.SupplierLateRatePercent, "50");
        var raised = await ExceptionsAsync(acme.InCompanyAsync, ExceptionKind.PriceAboveAverage);
        (raised.Counts[ExceptionKind.PriceAboveAverage], raised.Counts[ExceptionKind.SupplierLate]).ShouldBe((0, 0));
        raised.Items.Items.ShouldBeEmpty();
        (raised.Thresholds.PriceIncreasePercent, raised.Thresholds.SupplierLateRatePercent).ShouldBe((30m, 50m));
    }

    [Fact]
    public async Task Return_rates_of_products_and_customers_count_from_the_minimum_delivered_quantity_up()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        foreach (var product in new[] { "SKU-1", "SKU-2", "SKU-3" })
        {
            await shop.AddProductAsync(product, 10m);
            await shop.ReceiveStockAsync(product, 100m, 5m);
        }
        await shop.AddCustomerAsync("C1", 1_000_000m);
        await shop.AddCustomerAsync("C2", 1_000_000m);
        // SKU-1: 3 of 20 back (15 %); SKU-2: 1 of 20 (5 %); SKU-3: 1 of 2 (50 %, but under the 10 units that count).
        // C1 took SKU-1 and SKU-3: 4 of 22 back (18.18 %); C2 took SKU-2: 1 of 20 (5 %).
        await DeliverAndReturnAsync(shop, "C1", "SKU-1", 20m, 3m);
        await DeliverAndReturnAsync(shop, "C1", "SKU-3", 2m, 1m);
        await DeliverAndReturnAsync(shop, "C2", "SKU-2", 20m, 1m);

        var products = await ExceptionsAsync(shop.Stock.InCompanyAsync, ExceptionKind.ProductReturnRate);
        var customers = await ExceptionsAsync(shop.Stock.InCompanyAsync, ExceptionKind.CustomerReturnRate);

        products.Items.Items.Select(i => (i.Reference, i.Url, i.Actual, i.Baseline, i.Percent))
            .ShouldBe([("SKU-1", "/app/sales/returns?ProductId=" + shop.Product("SKU-1"), (decimal?)3m, (decimal?)20m, (decimal?)15.00m)]);
        customers.Items.Items.Select(i => (i.Reference, i.Url, i.Actual, i.Baseline, i.Percent))
            .ShouldBe([("C1", "/app/sales/returns?CustomerId=" + shop.Customer("C1"), (decimal?)4m, (decimal?)22m, (decimal?)18.18m)]);
        var ofProduct = await shop.AsSalespersonAsync<ISalesReturnAppService, ErpSaaS.Common.PagedResult<SalesReturnSummaryDto>>(
            r => r.GetListAsync(new SalesListQuery { ProductId = shop.Product("SKU-1") }));
        var ofCustomer = await shop.AsSalespersonAsync<ISalesReturnAppService, ErpSaaS.Common.PagedResult<SalesReturnSummaryDto>>(
            r => r.GetListAsync(new SalesListQuery { CustomerId = shop.Customer("C1") }));
        (ofProduct.TotalCount, ofCustomer.TotalCount).ShouldBe((1, 2));

        await shop.Stock.SetAsync(AnalyticsSettings.ReturnRatePercent, "20");
        var raised = await ExceptionsAsync(shop.Stock.InCompanyAsync, ExceptionKind.ProductReturnRate);
        (raised.Counts[ExceptionKind.ProductReturnRate], raised.Counts[ExceptionKind.CustomerReturnRate]).ShouldBe((0, 0));
        await shop.Stock.SetAsync(AnalyticsSettings.ReturnRatePercent, "10");
        await shop.Stock.SetAsync(AnalyticsSettings.ReturnMinDeliveredQuantity, "1");
        var fromOneUnit = await ExceptionsAsync(shop.Stock.InCompanyAsync, ExceptionKind.ProductReturnRate);
        fromOneUnit.Items.Items.Select(i => (i.Reference, i.Percent)).ShouldBe([("SKU-3", (decimal?)50.00m), ("SKU-1", (decimal?)15.00m)]);
    }

    private static async Task DeliverAndReturnAsync(SalesCompany shop, string customer, string product, decimal delivered, decimal returned)
    {
        var order = await shop.OrderAsync(customer, (product, delivered));
        await shop.ConfirmAsync(order);
        var delivery = await shop.DeliverAsync(order, (1, delivered));
        await shop.AsSalespersonAsync<ISalesReturnAppService, Guid>(returns => returns.CreateAsync(new SalesReturnInput
        {
            RequestId = Guid.NewGuid(), DeliveryId = delivery, Destination = SalesReturnDestination.OriginalWarehouse, Reason = "Damaged in transit",
            Lines = [new SalesReturnLineInput { DeliveryLineNumber = 1, Quantity = returned }],
        }));
    }
}
