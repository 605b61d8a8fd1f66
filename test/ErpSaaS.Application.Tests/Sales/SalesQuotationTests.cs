using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Sales;
using ErpSaaS.TestBase;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Sales;

/// <summary>Quotation → order in one click, with the quoted prices, until the quotation expires.</summary>
public sealed class SalesQuotationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private static Task<Guid> QuoteAsync(SalesCompany shop, DateOnly validUntil) =>
        shop.AsSalespersonAsync<ISalesQuotationAppService, Guid>(quotations => quotations.CreateAsync(new SalesQuotationInput
        {
            RequestId = Guid.NewGuid(), CustomerId = shop.Customer("C1"), WarehouseId = shop.Warehouse(), ValidUntil = validUntil,
            Lines = [new SalesOrderLineInput { Product = "SKU-1", Quantity = 3m, Unit = "BOX", DiscountPercent = 5m }],
        }));

    private static async Task<Guid> ConvertAsync(SalesCompany shop, Guid quotationId)
    {
        var quotation = await shop.AsSalespersonAsync<ISalesQuotationAppService, SalesQuotationDto>(quotations => quotations.GetAsync(quotationId));
        return await shop.AsSalespersonAsync<ISalesQuotationAppService, Guid>(quotations => quotations.ConvertAsync(quotationId, new SalesActionInput { Version = quotation.Version }));
    }

    [Fact]
    public async Task Converting_an_open_quotation_makes_a_draft_order_with_its_lines_and_prices_once_and_an_expired_one_is_refused()
    {
        var shop = await SalesCompany.CreateAsync(fixture);
        await shop.AddProductAsync("SKU-1", 10m);
        await shop.AddCustomerAsync("C1", 1_000_000m);
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var open = await QuoteAsync(shop, today.AddDays(7));
        var expiring = await QuoteAsync(shop, today);

        var orderId = await ConvertAsync(shop, open);
        var twice = await Should.ThrowAsync<BusinessException>(() => ConvertAsync(shop, open));
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var expired = await Should.ThrowAsync<BusinessException>(() => ConvertAsync(shop, expiring));
        var order = await shop.GetOrderAsync(orderId);
        var converted = await shop.AsSalespersonAsync<ISalesQuotationAppService, SalesQuotationDto>(quotations => quotations.GetAsync(open));

        (order.Status, order.Lines[0].Quantity, order.Lines[0].Unit, order.Lines[0].UnitPrice, order.NetAmount, order.TotalAmount)
            .ShouldBe((SalesOrderStatus.Draft, 3m, "BOX", 100m, 285m, 322.05m));
        (converted.Status, converted.OrderId, converted.TotalAmount).ShouldBe((SalesQuotationStatus.Converted, (Guid?)orderId, 322.05m));
        twice.Code.ShouldBe(SalesErrorCodes.StatusChangeNotAllowed);
        expired.Code.ShouldBe(SalesErrorCodes.QuotationExpired);
    }
}
