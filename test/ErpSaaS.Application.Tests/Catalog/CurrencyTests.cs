using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Catalog;

public sealed class CurrencyTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private readonly PartnersGiven _given = new(fixture);

    private Task<T> As<T>((Guid Tenant, Guid Admin) company, Func<ICurrencyAppService, Task<T>> work) => _given.As(company, work);

    private Task As((Guid Tenant, Guid Admin) company, Func<ICurrencyAppService, Task> work) => _given.As(company, work);

    private static ExchangeRateInput Rate(string currency, string date, decimal rate) =>
        new() { Currency = currency, EffectiveDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Rate = rate };

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_company_trades_in_five_currencies_with_the_yuan_as_base_currency()
    {
        var acme = await _given.Company("cur");

        var currencies = await As(acme, c => c.GetActiveAsync());

        currencies.Select(c => (c.Code, c.DecimalPlaces, c.IsBase)).ShouldBe([
            ("CNY", 2, true), ("EUR", 2, false), ("HKD", 2, false), ("JPY", 0, false), ("USD", 2, false)]);
        (await As(acme, c => c.GetBaseCurrencyAsync())).ShouldBe("CNY");
    }

    [Fact]
    public async Task The_rate_on_a_day_is_the_latest_rate_effective_on_or_before_that_day()
    {
        var acme = await _given.Company("rate");
        await As(acme, c => c.SetRateAsync(Rate("USD", "2026-10-01", 7.1025m)));
        await As(acme, c => c.SetRateAsync(Rate("USD", "2026-11-01", 7.2010m)));
        await As(acme, c => c.SetRateAsync(Rate("EUR", "2026-10-20", 7.7000m)));

        (await As(acme, c => c.GetRateOnAsync("USD", Day("2026-10-01")))).Rate.ShouldBe(7.1025m);
        (await As(acme, c => c.GetRateOnAsync("USD", Day("2026-10-31")))).Rate.ShouldBe(7.1025m);
        var november = await As(acme, c => c.GetRateOnAsync("usd", Day("2026-12-31")));
        (november.Currency, november.BaseCurrency, november.Rate, november.EffectiveDate).ShouldBe(("USD", "CNY", 7.2010m, Day("2026-11-01")));
        (await As(acme, c => c.GetRateOnAsync("CNY", Day("2020-01-01")))).Rate.ShouldBe(1m);
    }

    [Fact]
    public async Task A_day_before_the_first_rate_is_refused_naming_currency_base_and_day()
    {
        var acme = await _given.Company("miss");
        await As(acme, c => c.SetRateAsync(Rate("USD", "2026-10-01", 7.1m)));

        var refused = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.GetRateOnAsync("USD", Day("2026-09-30"))));
        var noRateAtAll = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.GetRateOnAsync("HKD", Day("2026-12-01"))));

        refused.Code.ShouldBe(PartnerErrorCodes.ExchangeRateMissing);
        refused.Args.ShouldBe(["USD", "CNY", "2026-09-30"]);
        noRateAtAll.Code.ShouldBe(PartnerErrorCodes.ExchangeRateMissing);
    }

    [Fact]
    public async Task Entering_a_rate_again_for_the_same_day_corrects_it_instead_of_adding_a_second_one()
    {
        var acme = await _given.Company("corr");
        var first = await As(acme, c => c.SetRateAsync(Rate("JPY", "2026-11-02", 0.0470m)));

        var second = await As(acme, c => c.SetRateAsync(Rate("JPY", "2026-11-02", 0.046875m)));

        second.ShouldBe(first);
        var rates = await As(acme, c => c.GetRatesAsync(new ExchangeRateListQuery { Currency = "JPY" }));
        rates.Items.Select(r => (r.EffectiveDate, r.Rate)).ShouldBe([(Day("2026-11-02"), 0.046875m)]);
    }

    [Fact]
    public async Task Converting_to_the_base_currency_rounds_to_its_decimal_places_half_away_from_zero()
    {
        var acme = await _given.Company("conv");
        await As(acme, c => c.SetRateAsync(Rate("JPY", "2026-11-01", 0.0469m)));
        await As(acme, c => c.SetRateAsync(Rate("USD", "2026-11-01", 7.1083m)));

        var (yen, dollars, cents) = await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            var converter = sp.GetRequiredService<ICurrencyConverter>();
            return (await converter.ToBaseAsync(1234.5m, "JPY", Day("2026-11-15")),
                await converter.ToBaseAsync(100m, "USD", Day("2026-11-15")),
                await converter.ToBaseAsync(0.5m, "USD", Day("2026-11-15")));
        });

        yen.ShouldBe(57.90m);     // 57.89805
        dollars.ShouldBe(710.83m);
        cents.ShouldBe(3.55m);    // 3.55415
    }

    [Fact]
    public async Task Rates_are_refused_next_to_the_field_for_the_base_currency_an_unknown_currency_and_a_non_positive_rate()
    {
        var acme = await _given.Company("bad");

        var baseCurrency = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.SetRateAsync(Rate("CNY", "2026-11-01", 1m))));
        var unknown = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.SetRateAsync(Rate("GBP", "2026-11-01", 9m))));
        var zero = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.SetRateAsync(Rate("USD", "2026-11-01", 0m))));
        var missingDate = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.SetRateAsync(new ExchangeRateInput { Currency = "USD", Rate = 7m })));

        (baseCurrency.Field, baseCurrency.Code).ShouldBe(("Currency", PartnerErrorCodes.ExchangeRateOfBaseCurrency));
        (unknown.Field, unknown.Code).ShouldBe(("Currency", PartnerErrorCodes.CurrencyUnknown));
        (zero.Field, zero.Code).ShouldBe(("Rate", PartnerErrorCodes.ExchangeRateMustBePositive));
        (missingDate.Field, missingDate.Code).ShouldBe(("EffectiveDate", ErrorCodes.ValueRequired));
    }

    [Fact]
    public async Task After_the_base_currency_changes_rates_to_the_old_base_are_not_taken_for_rates_to_the_new_one()
    {
        var acme = await _given.Company("rebase");
        await As(acme, c => c.SetRateAsync(Rate("USD", "2026-10-01", 7.1m)));
        await As(acme, c => c.SetRateAsync(Rate("EUR", "2026-10-01", 7.7m)));
        await fixture.InScopeAsync(acme.Tenant, async sp =>
        {
            await sp.GetRequiredService<ISettingStore>().SetAsync(ErpSettings.BaseCurrency, "USD");
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        (await As(acme, c => c.GetRateOnAsync("USD", Day("2026-11-01")))).Rate.ShouldBe(1m);
        (await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.GetRateOnAsync("EUR", Day("2026-11-01")))))
            .Args.ShouldBe(["EUR", "USD", "2026-11-01"]);
    }

    [Fact]
    public async Task The_base_currency_stays_active_and_another_one_can_be_deactivated_and_added_back()
    {
        var acme = await _given.Company("deact");
        var all = await As(acme, c => c.GetListAsync(new CurrencyListQuery()));
        var yuan = all.Items.Single(c => c.Code == "CNY");
        var yen = all.Items.Single(c => c.Code == "JPY");

        var refused = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.DeactivateAsync(yuan.Id)));
        await As(acme, c => c.DeactivateAsync(yen.Id));
        var rateOfInactive = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.SetRateAsync(Rate("JPY", "2026-11-01", 0.05m))));

        refused.Code.ShouldBe(PartnerErrorCodes.BaseCurrencyCannotBeDeactivated);
        rateOfInactive.Code.ShouldBe(PartnerErrorCodes.CurrencyUnknown);
        (await As(acme, c => c.GetActiveAsync())).Select(c => c.Code).ShouldNotContain("JPY");
        await As(acme, c => c.ActivateAsync(yen.Id));
        (await As(acme, c => c.GetActiveAsync())).Select(c => c.Code).ShouldContain("JPY");
    }

    [Fact]
    public async Task A_currency_code_is_three_letters_once_per_company()
    {
        var acme = await _given.Company("code");

        var created = await As(acme, c => c.CreateAsync(new CurrencyInput { Code = " gbp ", Name = "英镑", Symbol = "£", DecimalPlaces = 2 }));
        var taken = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.CreateAsync(new CurrencyInput { Code = "USD", Name = "x" })));
        var invalid = await Should.ThrowAsync<BusinessException>(() => As(acme, c => c.CreateAsync(new CurrencyInput { Code = "US1", Name = "x" })));
        var decimals = await Should.ThrowAsync<BusinessException>(() =>
            As(acme, c => c.CreateAsync(new CurrencyInput { Code = "KWD", Name = "第纳尔", DecimalPlaces = 5 })));

        (await As(acme, c => c.GetAsync(created))).ShouldBe(new CurrencyDto(created, "GBP", "英镑", "£", 2, true, false));
        (taken.Field, taken.Code).ShouldBe(("Code", PartnerErrorCodes.CurrencyCodeTaken));
        (invalid.Field, invalid.Code).ShouldBe(("Code", PartnerErrorCodes.CurrencyCodeInvalid));
        (decimals.Field, decimals.Code).ShouldBe(("DecimalPlaces", PartnerErrorCodes.CurrencyDecimalPlacesInvalid));
    }

    [Fact]
    public async Task Another_companys_currency_and_rates_are_out_of_reach()
    {
        var acme = await _given.Company("a");
        var globex = await _given.Company("g");
        var acmeRate = await As(acme, c => c.SetRateAsync(Rate("USD", "2026-11-01", 7.1m)));
        var acmeUsd = (await As(acme, c => c.GetActiveAsync())).Single(c => c.Code == "USD");

        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.GetAsync(acmeUsd.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.DeactivateAsync(acmeUsd.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => As(globex, c => c.RemoveRateAsync(acmeRate)));
        (await As(globex, c => c.GetRatesAsync(new ExchangeRateListQuery()))).TotalCount.ShouldBe(0);
        (await As(acme, c => c.GetRateOnAsync("USD", Day("2026-11-02")))).Rate.ShouldBe(7.1m);
    }
}
