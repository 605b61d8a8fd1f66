using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class PriceListTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private readonly PartnersGiven _given = new(fixture);

    private Task<T> As<T>((Guid Tenant, Guid Admin) company, Func<IPriceListAppService, Task<T>> work) => _given.As(company, work);

    private Task As((Guid Tenant, Guid Admin) company, Func<IPriceListAppService, Task> work) => _given.As(company, work);

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Widget sells at 120.00 CNY; the 2026 key-account list prices it at 100.00 from any quantity, 95.50 from 100 and
    /// 90.125 from 500; Gadget (80.00) is not on the list. Customer C1 has the list, C2 has none.
    /// </summary>
    private async Task<Pricing> PricingAsync()
    {
        var company = await _given.Company("price");
        var widget = await _given.Product(company, "WIDGET", 120m);
        var gadget = await _given.Product(company, "GADGET", 80m);
        var list = await As(company, p => p.CreateAsync(new PriceListInput { Name = "大客户价 2026", ValidFrom = Day("2026-01-01"), ValidTo = Day("2026-12-31") }));
        await As(company, p => p.AddLineAsync(list, new PriceListLineInput { ProductCode = "widget", MinimumQuantity = 0m, UnitPrice = 100m }));
        await As(company, p => p.AddLineAsync(list, new PriceListLineInput { ProductCode = "WIDGET", MinimumQuantity = 500m, UnitPrice = 90.125m }));
        await As(company, p => p.AddLineAsync(list, new PriceListLineInput { ProductCode = "WIDGET", MinimumQuantity = 100m, UnitPrice = 95.5m }));
        var withList = await _given.As<ICustomerAppService, Guid>(company, c => c.CreateAsync(new CustomerInput { Code = "C1", Name = "华东电子", PriceListId = list }));
        var without = await _given.As<ICustomerAppService, Guid>(company, c => c.CreateAsync(new CustomerInput { Code = "C2", Name = "散客" }));
        return new Pricing(company, list, widget, gadget, withList, without);
    }

    private sealed record Pricing((Guid Tenant, Guid Admin) Company, Guid PriceList, Guid Widget, Guid Gadget, Guid WithList, Guid Without);

    private Task<PriceQuote> PriceAsync(Pricing pricing, Guid customer, Guid product, decimal quantity, string date) =>
        fixture.InScopeAsync(pricing.Company.Tenant, sp =>
            sp.GetRequiredService<IPriceListPricing>().GetPriceAsync(customer, product, quantity, Day(date)));

    [Theory]
    [InlineData(1, "100.00")]
    [InlineData(99.9999, "100.00")]
    [InlineData(100, "95.50")]
    [InlineData(499.9999, "95.50")]
    [InlineData(500, "90.125")]
    [InlineData(10000, "90.125")]
    public async Task The_customers_list_price_is_the_line_with_the_highest_break_not_above_the_quantity(double quantity, string expected)
    {
        var pricing = await PricingAsync();

        var quote = await PriceAsync(pricing, pricing.WithList, pricing.Widget, (decimal)quantity, "2026-06-15");

        quote.ShouldBe(new PriceQuote(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), "CNY", PriceSource.PriceList,
            pricing.PriceList, quantity >= 500 ? 500m : quantity >= 100 ? 100m : 0m));
    }

    [Fact]
    public async Task The_products_sale_price_applies_outside_the_lists_validity_off_the_list_without_a_list_or_below_the_first_break()
    {
        var pricing = await PricingAsync();
        var saleWidget = new PriceQuote(120m, "CNY", PriceSource.ProductSalePrice, null, null);

        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 1m, "2026-01-01")).Source.ShouldBe(PriceSource.PriceList);
        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 1m, "2026-12-31")).UnitPrice.ShouldBe(100m);
        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 1m, "2025-12-31")).ShouldBe(saleWidget);
        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 600m, "2027-01-01")).ShouldBe(saleWidget);
        (await PriceAsync(pricing, pricing.WithList, pricing.Gadget, 600m, "2026-06-15")).ShouldBe(new PriceQuote(80m, "CNY", PriceSource.ProductSalePrice, null, null));
        (await PriceAsync(pricing, pricing.Without, pricing.Widget, 600m, "2026-06-15")).ShouldBe(saleWidget);

        var line = (await As(pricing.Company, p => p.GetAsync(pricing.PriceList))).Lines.Single(l => l.MinimumQuantity == 0m);
        await As(pricing.Company, p => p.RemoveLineAsync(pricing.PriceList, line.Id));
        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 99m, "2026-06-15")).ShouldBe(saleWidget);
        (await PriceAsync(pricing, pricing.WithList, pricing.Widget, 100m, "2026-06-15")).UnitPrice.ShouldBe(95.5m);
    }

    [Fact]
    public async Task A_deactivated_list_prices_nothing_until_it_is_activated_again()
    {
        var pricing = await PricingAsync();

        await As(pricing.Company, p => p.DeactivateAsync(pricing.PriceList));
        var whileInactive = await PriceAsync(pricing, pricing.WithList, pricing.Widget, 100m, "2026-06-15");
        await As(pricing.Company, p => p.ActivateAsync(pricing.PriceList));
        var afterwards = await PriceAsync(pricing, pricing.WithList, pricing.Widget, 100m, "2026-06-15");

        whileInactive.ShouldBe(new PriceQuote(120m, "CNY", PriceSource.ProductSalePrice, null, null));
        afterwards.UnitPrice.ShouldBe(95.5m);
    }

    [Fact]
    public async Task A_quote_is_asked_by_product_code_and_refuses_an_unknown_code_or_a_quantity_of_zero()
    {
        var pricing = await PricingAsync();

        var quote = await As(pricing.Company, p => p.QuoteAsync(new PriceQuoteQuery { CustomerId = pricing.WithList, ProductCode = " widget ", Quantity = 250m, Date = Day("2026-03-01") }));
        var unknown = await Should.ThrowAsync<BusinessException>(() => As(pricing.Company, p => p.QuoteAsync(new PriceQuoteQuery { CustomerId = pricing.WithList, ProductCode = "NOPE" })));
        var zero = await Should.ThrowAsync<BusinessException>(() => As(pricing.Company, p => p.QuoteAsync(new PriceQuoteQuery { CustomerId = pricing.WithList, ProductCode = "WIDGET", Quantity = 0m })));

        quote.ShouldBe(new PriceQuote(95.5m, "CNY", PriceSource.PriceList, pricing.PriceList, 100m));
        (unknown.Field, unknown.Code).ShouldBe(("ProductCode", PartnerErrorCodes.ProductUnknown));
        (zero.Field, zero.Code).ShouldBe(("Quantity", PartnerErrorCodes.QuantityMustBePositive));
    }

    [Fact]
    public async Task A_quantity_break_is_listed_once_per_product_and_prices_keep_six_decimals()
    {
        var pricing = await PricingAsync();

        var twice = await Should.ThrowAsync<BusinessException>(() =>
            As(pricing.Company, p => p.AddLineAsync(pricing.PriceList, new PriceListLineInput { ProductCode = "WIDGET", MinimumQuantity = 100m, UnitPrice = 1m })));
        var tooPrecise = await Should.ThrowAsync<BusinessException>(() =>
            As(pricing.Company, p => p.AddLineAsync(pricing.PriceList, new PriceListLineInput { ProductCode = "GADGET", UnitPrice = 0.0000001m })));
        var negativeBreak = await Should.ThrowAsync<BusinessException>(() =>
            As(pricing.Company, p => p.AddLineAsync(pricing.PriceList, new PriceListLineInput { ProductCode = "GADGET", MinimumQuantity = -1m, UnitPrice = 1m })));
        var fine = await As(pricing.Company, p => p.AddLineAsync(pricing.PriceList, new PriceListLineInput { ProductCode = "GADGET", MinimumQuantity = 12.5m, UnitPrice = 0.000001m }));
        var moved = await Should.ThrowAsync<BusinessException>(() =>
            As(pricing.Company, p => p.UpdateLineAsync(pricing.PriceList, fine, new PriceListLineInput { MinimumQuantity = 12.5m, UnitPrice = -2m })));

        (twice.Field, twice.Code).ShouldBe(("MinimumQuantity", PartnerErrorCodes.PriceListLineDuplicate));
        (tooPrecise.Field, tooPrecise.Code).ShouldBe(("UnitPrice", PartnerErrorCodes.UnitPriceInvalid));
        (negativeBreak.Field, negativeBreak.Code).ShouldBe(("MinimumQuantity", PartnerErrorCodes.MinimumQuantityInvalid));
        (moved.Field, moved.Code).ShouldBe(("UnitPrice", PartnerErrorCodes.UnitPriceInvalid));
        var detail = await As(pricing.Company, p => p.GetAsync(pricing.PriceList));
        detail.Lines.Select(l => (l.ProductCode, l.MinimumQuantity, l.UnitPrice)).ShouldBe([
            ("GADGET", 12.5m, 0.000001m), ("WIDGET", 0m, 100m), ("WIDGET", 100m, 95.5m), ("WIDGET", 500m, 90.125m)]);
        (detail.PriceList.LineCount, detail.PriceList.CustomerCount).ShouldBe((4, 1));
    }

    [Fact]
    public async Task A_list_has_a_unique_name_and_cannot_end_before_it_starts()
    {
        var pricing = await PricingAsync();

        var taken = await Should.ThrowAsync<BusinessException>(() => As(pricing.Company, p => p.CreateAsync(new PriceListInput { Name = " 大客户价 2026 " })));
        var backwards = await Should.ThrowAsync<BusinessException>(() =>
            As(pricing.Company, p => p.UpdateAsync(pricing.PriceList, new PriceListInput { Name = "大客户价 2026", ValidFrom = Day("2026-12-31"), ValidTo = Day("2026-01-01") })));

        (taken.Field, taken.Code).ShouldBe(("Name", PartnerErrorCodes.PriceListNameTaken));
        (backwards.Field, backwards.Code).ShouldBe(("ValidTo", PartnerErrorCodes.PriceListValidityInvalid));
    }

    [Fact]
    public async Task A_customer_only_takes_an_active_list_of_its_own_currency_and_loses_it_when_its_currency_changes()
    {
        var pricing = await PricingAsync();
        var usdList = await As(pricing.Company, p => p.CreateAsync(new PriceListInput { Name = "Export USD", Currency = "USD" }));
        var retired = await As(pricing.Company, p => p.CreateAsync(new PriceListInput { Name = "2025" }));
        await As(pricing.Company, p => p.DeactivateAsync(retired));

        var mismatch = await Should.ThrowAsync<BusinessException>(() => _given.As<ICustomerAppService>(pricing.Company,
            c => c.UpdateAsync(pricing.Without, new CustomerInput { Name = "散客", PriceListId = usdList })));
        var inactive = await Should.ThrowAsync<BusinessException>(() => _given.As<ICustomerAppService>(pricing.Company,
            c => c.UpdateAsync(pricing.Without, new CustomerInput { Name = "散客", PriceListId = retired })));
        await _given.As<ICustomerAppService>(pricing.Company, c => c.UpdateAsync(pricing.WithList, new CustomerInput { Name = "华东电子", Currency = "USD" }));
        await _given.As<ICustomerAppService>(pricing.Company, c => c.UpdateAsync(pricing.Without, new CustomerInput { Name = "散客", Currency = "USD", PriceListId = usdList }));

        (mismatch.Field, mismatch.Code).ShouldBe(("PriceListId", PartnerErrorCodes.PriceListCurrencyMismatch));
        mismatch.Args.ShouldBe(["Export USD", "USD", "CNY"]);
        (inactive.Field, inactive.Code).ShouldBe(("PriceListId", PartnerErrorCodes.PriceListUnknown));
        var customers = await _given.As<ICustomerAppService, IReadOnlyList<CustomerDto>>(pricing.Company, async c => (await c.GetListAsync(new CustomerListQuery())).Items);
        customers.Select(c => (c.Code, c.Currency, c.PriceListName)).ShouldBe([("C1", "USD", null), ("C2", "USD", "Export USD")]);
        (await PriceAsync(pricing, pricing.Without, pricing.Widget, 1m, "2026-06-15")).ShouldBe(new PriceQuote(120m, "CNY", PriceSource.ProductSalePrice, null, null));
    }

    [Fact]
    public async Task Another_companys_price_list_can_neither_be_read_changed_nor_assigned()
    {
        var pricing = await PricingAsync();
        var globex = await _given.Company("g");
        await _given.Product(globex, "WIDGET", 1m);
        var globexCustomer = await _given.As<ICustomerAppService, Guid>(globex, c => c.CreateAsync(new CustomerInput { Code = "C1", Name = "G" }));

        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, p => p.GetAsync(pricing.PriceList)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, p => p.AddLineAsync(pricing.PriceList, new PriceListLineInput { ProductCode = "WIDGET", UnitPrice = 0.01m })));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, p => p.DeactivateAsync(pricing.PriceList)));
        var assign = await Should.ThrowAsync<BusinessException>(() => _given.As<ICustomerAppService>(globex,
            c => c.UpdateAsync(globexCustomer, new CustomerInput { Name = "G", PriceListId = pricing.PriceList })));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, p => p.QuoteAsync(new PriceQuoteQuery { CustomerId = pricing.WithList, ProductCode = "WIDGET" })));

        assign.Code.ShouldBe(PartnerErrorCodes.PriceListUnknown);
        (await As(pricing.Company, p => p.GetAsync(pricing.PriceList))).Lines.Count.ShouldBe(3);
    }
}
