using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class PartnersSampleDataTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private async Task<(Guid Tenant, Guid Admin)> SignUpAsync(bool sample, string language = "zh-Hans")
    {
        var input = ErpSaaS.Application.Tests.Signup.SignupTests.Input("ps-" + Guid.NewGuid().ToString("N")[..6], sample: sample);
        input.Language = language;
        var result = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(input));
        return (result.TenantId, result.AdminUserId);
    }

    private Task<T> As<TService, T>((Guid Tenant, Guid Admin) company, Func<TService, Task<T>> work) where TService : notnull =>
        fixture.AsUserAsync(company.Tenant, company.Admin, sp => work(sp.GetRequiredService<TService>()));

    [Fact]
    public async Task A_company_signed_up_without_sample_data_has_its_currencies_and_no_partners()
    {
        var company = await SignUpAsync(sample: false, language: "en");

        var currencies = await As<ICurrencyAppService, IReadOnlyList<CurrencyDto>>(company, c => c.GetActiveAsync());
        var customers = await As<ICustomerAppService, PagedResult<CustomerDto>>(company, c => c.GetListAsync(new CustomerListQuery { IncludeInactive = true }));

        currencies.Select(c => (c.Code, c.Name)).ShouldBe([("CNY", "Chinese Yuan"), ("EUR", "Euro"), ("HKD", "Hong Kong Dollar"), ("JPY", "Japanese Yen"), ("USD", "US Dollar")]);
        customers.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Sample_data_brings_customers_suppliers_a_key_account_price_list_and_this_months_rates()
    {
        var company = await SignUpAsync(sample: true);

        var customers = await As<ICustomerAppService, PagedResult<CustomerDto>>(company, c => c.GetListAsync(new CustomerListQuery()));
        var suppliers = await As<ISupplierAppService, PagedResult<SupplierDto>>(company, s => s.GetListAsync(new SupplierListQuery()));
        var east = await As<ICustomerAppService, CustomerDetailDto>(company, c => c.GetAsync(customers.Items[0].Id));
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var usd = await As<ICurrencyAppService, ExchangeRateQuoteDto>(company, c => c.GetRateOnAsync("USD", today));

        customers.Items.Select(c => (c.Code, c.Name, c.Grade, c.Currency)).ShouldBe([
            ("C001", "华东电子科技有限公司", CustomerGrade.A, "CNY"), ("C002", "深圳市鹏程数码有限公司", CustomerGrade.B, "CNY"),
            ("C003", "香港恒通贸易公司", CustomerGrade.B, "HKD"), ("C004", "杭州米粒商贸有限公司", CustomerGrade.C, "CNY")]);
        (east.Customer.PriceListName, east.Customer.PrimaryContactName, east.Contacts.Count, east.Addresses.Count, east.TaxIdIsUnifiedCode)
            .ShouldBe(("大客户价", "刘建国", 2, 2, true));
        suppliers.Items.Select(s => (s.Code, s.Currency, s.DefaultLeadTimeDays)).ShouldBe([("S001", "CNY", 7), ("S002", "CNY", 14), ("S003", "JPY", 21)]);
        (usd.Rate, usd.EffectiveDate).ShouldBe((7.1083m, new DateOnly(today.Year, today.Month, 1)));
    }

    [Fact]
    public async Task The_demo_company_gets_its_partners_once_even_when_seeded_again()
    {
        await fixture.InScopeAsync(null, async sp =>
        {
            await ActivatorUtilities.CreateInstance<DemoTenantSeeder>(sp).SeedAsync();
        });
        for (var run = 0; run < 2; run++)
        {
            await fixture.InScopeAsync(null, async sp => await ActivatorUtilities.CreateInstance<DemoPartnersSeeder>(sp).SeedAsync());
        }
        var demo = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ITenantRepository>().FindBySlugAsync(DemoTenantSeeder.Slug));
        var admin = await fixture.InScopeAsync(demo!.Id, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>().FindByNameAsync(DemoTenantSeeder.AdminUserName))!.Id);

        var customers = await As<ICustomerAppService, PagedResult<CustomerDto>>((demo.Id, admin), c => c.GetListAsync(new CustomerListQuery { IncludeInactive = true }));
        var priceLists = await As<IPriceListAppService, PagedResult<PriceListDto>>((demo.Id, admin), p => p.GetListAsync(new PriceListListQuery()));

        customers.Items.Select(c => c.Code).ShouldBe(["C001", "C002", "C003", "C004"]);
        priceLists.Items.Select(p => (p.Name, p.CustomerCount)).ShouldBe([("大客户价", 1)]);
    }

    [Fact]
    public async Task When_the_catalog_has_products_the_sample_lists_who_supplies_them_and_the_key_account_prices()
    {
        var given = new PartnersGiven(fixture);
        var company = await given.Company("psp");
        await given.Product(company, "P-100", 120m, standardCost: 80m);
        await given.Product(company, "P-200", 10m);
        await fixture.InScopeAsync(company.Tenant, async sp =>
        {
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                await sp.GetRequiredService<PartnersSampleData>().CreateAsync("en", ct);
                return true;
            });
        });

        var lists = await As<IPriceListAppService, PagedResult<PriceListDto>>(company, p => p.GetListAsync(new PriceListListQuery()));
        var keyAccounts = await As<IPriceListAppService, PriceListDetailDto>(company, p => p.GetAsync(lists.Items.Single().Id));
        var suppliers = await As<ISupplierAppService, PagedResult<SupplierDto>>(company, s => s.GetListAsync(new SupplierListQuery()));
        var suzhou = await As<ISupplierAppService, SupplierDetailDto>(company, s => s.GetAsync(suppliers.Items[0].Id));
        var dongguan = await As<ISupplierAppService, SupplierDetailDto>(company, s => s.GetAsync(suppliers.Items[1].Id));

        keyAccounts.Lines.Select(l => (l.ProductCode, l.MinimumQuantity, l.UnitPrice)).ShouldBe([
            ("P-100", 0m, 114m), ("P-100", 100m, 108m), ("P-200", 0m, 9.5m), ("P-200", 100m, 9m)]);
        suzhou.Products.Select(p => (p.ProductCode, p.Price, p.IsPreferred, p.LeadTimeDays)).ShouldBe([("P-100", 80m, true, 7), ("P-200", 7m, true, 7)]);
        dongguan.Products.Select(p => (p.ProductCode, p.Price, p.IsPreferred, p.LeadTimeDays)).ShouldBe([("P-100", 76.8m, false, 20), ("P-200", 6.72m, false, 20)]);
    }
}
