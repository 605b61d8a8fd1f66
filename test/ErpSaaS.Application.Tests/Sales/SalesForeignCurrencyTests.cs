using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>
/// An order in the customer's currency keeps its rate to the yuan from confirmation; approval amounts and the credit
/// check are compared in yuan (the credit limit, set in the customer's currency, converted too).
/// </summary>
public sealed class SalesForeignCurrencyTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<SalesCompany> ShopAsync()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 100m);
        await shop.ReceiveStockAsync("SKU-1", 1000m, 5m);
        await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<ICurrencyAppService>().SetRateAsync(new ExchangeRateInput
        {
            Currency = "USD", EffectiveDate = new DateOnly(2026, 10, 1), Rate = 7.1m,
        }));
        return shop;
    }

    private static Task<Guid> OrderAsync(SalesCompany shop, string customer, decimal quantity, decimal discount = 0m) =>
        shop.AsSalespersonAsync<ISalesOrderAppService, Guid>(orders => orders.CreateAsync(new SalesOrderInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer(customer), WarehouseId = shop.Warehouse(),
            Lines = [new SalesOrderLineInput { Product = "SKU-1", Quantity = quantity, DiscountPercent = discount }],
        }));

    private async Task AddStepAsync(SalesCompany shop, ApprovalDocumentType type, ApprovalConditionKind condition, decimal? number)
    {
        var boss = await fixture.Given.User(shop.Stock.Tenant, "boss-" + type, StaticRoles.Admin);
        await shop.Stock.InCompanyAsync(sp => sp.GetRequiredService<IApprovalFlowAppService>().AddStepAsync(type, new ApprovalStepInput
        {
            Name = "Boss", ApproverKind = ApproverKind.User, ApproverUserId = boss, Mode = ApprovalStepMode.AnyOne, ConditionKind = condition, ConditionNumber = number,
        }));
    }

    [Fact]
    public async Task The_credit_check_compares_the_order_at_its_rate_with_the_limit_converted_from_the_customers_currency()
    {
        var shop = await ShopAsync();
        await AddStepAsync(shop, ApprovalDocumentType.SalesOrderCredit, ApprovalConditionKind.Always, null);
        await shop.AddCustomerAsync("US1", 1_000m, "USD");
        await shop.AddCustomerAsync("US2", 1_200m, "USD");
        // 10 × 100 = 1,000.00 + 13 % VAT = 1,130.00 USD = 8,023.00 CNY at 7.1.
        var beyond = await OrderAsync(shop, "US1", 10m);
        var within = await OrderAsync(shop, "US2", 10m);

        var beyondStatus = await shop.ConfirmAsync(beyond);
        var withinStatus = await shop.ConfirmAsync(within);
        var beyondOrder = await shop.GetOrderAsync(beyond);
        var withinOrder = await shop.GetOrderAsync(within);
        var invoice = await shop.AsSalespersonAsync<ISalesInvoiceAppService, SalesInvoiceDto>(async invoices =>
            await invoices.GetAsync(await shop.InvoiceAsync(await shop.DeliverAsync(within, (1, 10m)))));

        // US1: 8,023.00 CNY > 1,000 USD = 7,100.00 CNY; US2: 8,023.00 CNY ≤ 1,200 USD = 8,520.00 CNY.
        (beyondStatus, beyondOrder.CreditApproval).ShouldBe((SalesOrderStatus.PendingApproval, SalesApprovalState.Pending));
        (withinStatus, withinOrder.CreditApproval).ShouldBe((SalesOrderStatus.Confirmed, SalesApprovalState.NotNeeded));
        (beyondOrder.CurrencyCode, beyondOrder.TotalAmount, beyondOrder.ExchangeRate, beyondOrder.BaseTotalAmount, beyondOrder.BaseCurrencyCode)
            .ShouldBe(("USD", 1_130m, (decimal?)7.1m, (decimal?)8_023m, "CNY"));
        // The receivable follows the order: in dollars, counting 8,023.00 yuan at the order's rate.
        (invoice.CurrencyCode, invoice.TotalAmount, invoice.ExchangeRate, invoice.BaseTotalAmount, invoice.BaseCurrencyCode)
            .ShouldBe(("USD", 1_130m, (decimal?)7.1m, (decimal?)8_023m, "CNY"));
    }

    [Fact]
    public async Task An_approval_step_above_an_amount_in_yuan_applies_to_the_orders_yuan_total()
    {
        var shop = await ShopAsync();
        await AddStepAsync(shop, ApprovalDocumentType.SalesDiscount, ApprovalConditionKind.AmountAtLeast, 8_000m);
        await shop.AddCustomerAsync("US1", 1_000_000m, "USD");
        await shop.AddCustomerAsync("CN1", 1_000_000m);
        // 12 × 100 × 85 % = 1,020.00 + 132.60 VAT = 1,152.60 USD = 8,183.46 CNY: at least 8,000 in yuan, though not in dollars.
        var dollars = await OrderAsync(shop, "US1", 12m, 15m);
        var yuan = await OrderAsync(shop, "CN1", 12m, 15m);

        var dollarStatus = await shop.ConfirmAsync(dollars);
        var yuanStatus = await shop.ConfirmAsync(yuan);
        var dollarOrder = await shop.GetOrderAsync(dollars);

        (dollarStatus, dollarOrder.DiscountApproval, dollarOrder.BaseTotalAmount).ShouldBe((SalesOrderStatus.PendingApproval, SalesApprovalState.Pending, (decimal?)8_183.46m));
        // 1,152.60 CNY is below the step's 8,000: no step applies and the discount counts as approved.
        yuanStatus.ShouldBe(SalesOrderStatus.Confirmed);
        (await shop.GetOrderAsync(yuan)).ExchangeRate.ShouldBe(1m);
    }

    [Fact]
    public async Task Without_a_rate_for_the_orders_currency_confirmation_is_refused_next_to_the_currency_and_nothing_changes()
    {
        var shop = await ShopAsync();
        await shop.AddCustomerAsync("EU1", 1_000_000m, "EUR");
        var orderId = await OrderAsync(shop, "EU1", 10m);

        var refused = await Should.ThrowAsync<BusinessException>(() => shop.ConfirmAsync(orderId));
        var order = await shop.GetOrderAsync(orderId);

        (refused.Code, refused.Field).ShouldBe((SalesErrorCodes.ExchangeRateMissing, nameof(SalesOrderDto.CurrencyCode)));
        refused.Args.ShouldBe(["EUR", "CNY", "2026-11-02"]);
        (order.Status, order.ExchangeRate, order.Timeline.Count).ShouldBe((SalesOrderStatus.Draft, (decimal?)null, 1));
        (await shop.LevelAsync("SKU-1")).Reserved.ShouldBe(0m);
    }
}
