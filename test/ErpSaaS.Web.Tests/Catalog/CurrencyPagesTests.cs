using System.Net;
using ErpSaaS.Catalog;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Catalog;

public sealed class CurrencyPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private (Guid Tenant, Guid Admin) _acme;

    private PartnersGiven Given => new(factory.Data);

    public async Task InitializeAsync()
    {
        _acme = await Given.Company("cur");
        await Given.As<ICurrencyAppService, Guid>(_acme, c => c.SetRateAsync(new ExchangeRateInput { Currency = "USD", EffectiveDate = new DateOnly(2026, 10, 1), Rate = 7.1025m }));
        await Given.As<ICurrencyAppService, Guid>(_acme, c => c.SetRateAsync(new ExchangeRateInput { Currency = "USD", EffectiveDate = new DateOnly(2026, 11, 1), Rate = 7.201m }));
        await Given.As<ICurrencyAppService, Guid>(_acme, c => c.SetRateAsync(new ExchangeRateInput { Currency = "JPY", EffectiveDate = new DateOnly(2026, 11, 1), Rate = 0.0469m }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Admin => factory.ClientFor(_acme.Tenant, _acme.Admin);

    [Fact]
    public async Task The_currencies_page_lists_the_five_defaults_with_the_base_currency_marked_and_not_deactivatable()
    {
        var page = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/currencies"));

        page.QuerySelectorAll("#currencies tbody tr td:first-child").Select(td => td.TextContent.Trim()).ShouldBe(["CNY", "EUR", "HKD", "JPY", "USD"]);
        var yuan = page.QuerySelectorAll("#currencies tbody tr")[0];
        yuan.QuerySelector(".badge")!.TextContent.ShouldBe(T("Partners:BaseCurrencyShort"));
        yuan.QuerySelector("form").ShouldBeNull();
        page.QuerySelectorAll("#currencies tbody tr")[3].QuerySelectorAll("td")[3].TextContent.Trim().ShouldBe("0");
    }

    [Fact]
    public async Task A_currency_with_a_taken_code_is_refused_next_to_the_code()
    {
        var page = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/currencies/create", "/app/catalog/currencies/create",
            ("Input.Code", "usd"), ("Input.Name", "美元"), ("Input.DecimalPlaces", "2")));
        var created = await AdminPagesFactory.PostFormAsync(Admin, "/app/catalog/currencies/create", "/app/catalog/currencies/create",
            ("Input.Code", "gbp"), ("Input.Name", "英镑"), ("Input.Symbol", "£"), ("Input.DecimalPlaces", "2"));

        page.QuerySelector("span[data-valmsg-for='Input.Code']")!.TextContent.ShouldBe(T("Error:Partners:CurrencyCodeTaken", "en", "USD"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_rate_on_a_day_is_looked_up_and_a_day_before_any_rate_is_refused_clearly()
    {
        var found = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/exchange-rates?handler=Lookup&LookupCurrency=USD&LookupDate=2026-10-31"));
        var missing = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/exchange-rates?handler=Lookup&LookupCurrency=USD&LookupDate=2026-09-30"));

        found.QuerySelector("#lookup-result")!.TextContent.Trim().ShouldBe(T("Partners:RateQuote", "en", "2026-10-31", "USD", "7.1025", "CNY", "2026-10-01"));
        missing.QuerySelector("#lookup-error")!.TextContent.Trim().ShouldBe(T("Error:Partners:ExchangeRateMissing", "en", "USD", "CNY", "2026-09-30"));
        missing.QuerySelectorAll("#rates tbody tr").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Rates_are_listed_newest_first_filtered_by_currency_and_exported()
    {
        var usd = await AdminPagesFactory.HtmlAsync(await Admin.GetAsync("/app/catalog/exchange-rates?Currency=USD"));
        var csv = await (await Admin.GetAsync("/app/catalog/exchange-rates?handler=Export&Currency=JPY")).Content.ReadAsStringAsync();

        usd.QuerySelectorAll("#rates tbody tr").Select(r => r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()).ToArray())
            .ShouldBe([["USD → CNY", "2026-11-01", "7.201"], ["USD → CNY", "2026-10-01", "7.1025"]]);
        csv.ShouldContain("JPY,CNY,2026-11-01,0.0469");
        csv.ShouldNotContain("USD");
    }

    [Fact]
    public async Task A_rate_is_entered_on_the_page_and_a_rate_of_zero_is_refused_next_to_the_rate()
    {
        var client = Admin;
        var zero = await AdminPagesFactory.HtmlAsync(await AdminPagesFactory.PostFormAsync(client, "/app/catalog/exchange-rates", "/app/catalog/exchange-rates?handler=SetRate",
            ("NewRate.Currency", "EUR"), ("NewRate.EffectiveDate", "2026-11-01"), ("NewRate.Rate", "0")));
        var saved = await AdminPagesFactory.PostFormAsync(client, "/app/catalog/exchange-rates", "/app/catalog/exchange-rates?handler=SetRate",
            ("NewRate.Currency", "EUR"), ("NewRate.EffectiveDate", "2026-11-01"), ("NewRate.Rate", "7.6905"));

        zero.QuerySelector("span[data-valmsg-for='NewRate.Rate']")!.TextContent.ShouldBe(T("Error:Partners:ExchangeRateMustBePositive", "en", 10));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync(saved.Headers.Location!.OriginalString));
        page.QuerySelector(".alert-success")!.TextContent.ShouldBe(T("Partners:RateSaved"));
        page.QuerySelectorAll("#rates tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ShouldBe(["7.6905"]);
    }

    [Fact]
    public async Task Another_companys_rates_are_neither_listed_nor_removable()
    {
        var globex = await Given.Company("gc");
        var other = factory.ClientFor(globex.Tenant, globex.Admin);
        var acmeRate = (await Given.As<ICurrencyAppService, IReadOnlyList<ExchangeRateDto>>(_acme, async c => (await c.GetRatesAsync(new ExchangeRateListQuery())).Items))[0];

        var list = await AdminPagesFactory.HtmlAsync(await other.GetAsync("/app/catalog/exchange-rates"));
        var remove = await AdminPagesFactory.PostFormAsync(other, "/app/catalog/exchange-rates", $"/app/catalog/exchange-rates?handler=Remove&rateId={acmeRate.Id}");

        list.QuerySelectorAll("#rates tbody tr td").Select(td => td.TextContent.Trim()).ShouldBe([T("List:Empty")]);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As<ICurrencyAppService, int>(_acme, async c => (await c.GetRatesAsync(new ExchangeRateListQuery())).TotalCount)).ShouldBe(3);
    }
}
