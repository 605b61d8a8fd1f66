using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Settings;

namespace ErpSaaS.Catalog;

/// <summary>Creates currencies with a code unique in the company, keeps the base currency active and records exchange rates.</summary>
public sealed class CurrencyManager(ICurrencyRepository currencies, IExchangeRateRepository rates, ISettingStore settings)
{
    public async Task<Currency> CreateAsync(string? code, string? name, string? symbol, int decimalPlaces, CancellationToken cancellationToken = default)
    {
        var normalized = Currency.NormalizeCode(code);
        if (await currencies.CodeExistsAsync(normalized, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Currency.Code), PartnerErrorCodes.CurrencyCodeTaken, normalized);
        }
        var currency = new Currency(normalized, name, symbol, decimalPlaces);
        currencies.Add(currency);
        return currency;
    }

    /// <summary>The company's base currency code (setting Company.BaseCurrency): the books are kept in it.</summary>
    public Task<string> GetBaseCurrencyAsync(CancellationToken cancellationToken = default) =>
        settings.GetAsync(ErpSettings.BaseCurrency, cancellationToken);

    public async Task DeactivateAsync(Currency currency, CancellationToken cancellationToken = default)
    {
        if (currency.Code == await GetBaseCurrencyAsync(cancellationToken))
        {
            throw new BusinessException(PartnerErrorCodes.BaseCurrencyCannotBeDeactivated, currency.Code);
        }
        currency.Deactivate();
    }

    /// <summary>
    /// Records what one unit of <paramref name="currencyCode"/> is worth in the base currency from <paramref name="date"/> on;
    /// a rate already entered for that day is corrected instead of doubled.
    /// </summary>
    public async Task<ExchangeRate> SetRateAsync(string? currencyCode, DateOnly date, decimal rate, CancellationToken cancellationToken = default)
    {
        var code = PartnerFields.CurrencyCode(currencyCode, "Currency");
        if (await currencies.FindByCodeAsync(code, cancellationToken) is not { IsActive: true })
        {
            throw BusinessException.ForField("Currency", PartnerErrorCodes.CurrencyUnknown, code);
        }
        var baseCurrency = await GetBaseCurrencyAsync(cancellationToken);
        if (code == baseCurrency)
        {
            throw BusinessException.ForField("Currency", PartnerErrorCodes.ExchangeRateOfBaseCurrency, code);
        }
        if (await rates.FindForDayAsync(code, baseCurrency, date, cancellationToken) is { } existing)
        {
            existing.ChangeRate(rate);
            return existing;
        }
        var created = new ExchangeRate(code, baseCurrency, date, rate);
        rates.Add(created);
        return created;
    }

    /// <summary>The currencies a new company starts with, named in the admin's language; the ones it has are kept.</summary>
    public async Task CreateDefaultsAsync(string language, CancellationToken cancellationToken = default)
    {
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        (string Code, string Chinese, string English, string Symbol, int Decimals)[] defaults =
        [
            ("CNY", "人民币", "Chinese Yuan", "¥", 2),
            ("USD", "美元", "US Dollar", "$", 2),
            ("EUR", "欧元", "Euro", "€", 2),
            ("HKD", "港币", "Hong Kong Dollar", "HK$", 2),
            ("JPY", "日元", "Japanese Yen", "JP¥", 0),
        ];
        foreach (var (code, zh, en, symbol, decimals) in defaults)
        {
            if (await currencies.CodeExistsAsync(code, cancellationToken)) continue;
            currencies.Add(new Currency(code, chinese ? zh : en, symbol, decimals));
        }
    }
}

/// <summary>Converts amounts into the company's base currency at the rate in force on a document's date.</summary>
public interface ICurrencyConverter
{
    /// <summary>
    /// Units of the base currency one unit of <paramref name="currencyCode"/> is worth on <paramref name="date"/>: the latest
    /// rate effective on or before it (1 for the base currency itself). Refuses, naming currency and date, when there is none.
    /// </summary>
    Task<decimal> GetRateAsync(string currencyCode, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The amount in the base currency, rounded to the base currency's decimal places.</summary>
    Task<decimal> ToBaseAsync(decimal amount, string currencyCode, DateOnly date, CancellationToken cancellationToken = default);
}

public sealed class CurrencyConverter(CurrencyManager manager, ICurrencyRepository currencies, IExchangeRateRepository rates) : ICurrencyConverter
{
    public async Task<decimal> GetRateAsync(string currencyCode, DateOnly date, CancellationToken cancellationToken = default)
    {
        var code = PartnerFields.CurrencyCode(currencyCode, "Currency");
        var baseCurrency = await manager.GetBaseCurrencyAsync(cancellationToken);
        if (code == baseCurrency) return 1m;
        var rate = await rates.FindInForceAsync(code, baseCurrency, date, cancellationToken)
                   ?? throw new BusinessException(PartnerErrorCodes.ExchangeRateMissing, code, baseCurrency, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return rate.Rate;
    }

    public async Task<decimal> ToBaseAsync(decimal amount, string currencyCode, DateOnly date, CancellationToken cancellationToken = default)
    {
        var rate = await GetRateAsync(currencyCode, date, cancellationToken);
        var baseCurrency = await manager.GetBaseCurrencyAsync(cancellationToken);
        var converted = amount * rate;
        // A base currency the company has no row for (an old setting) rounds like most currencies: to cents.
        return await currencies.FindByCodeAsync(baseCurrency, cancellationToken) is { } currency
            ? currency.Round(converted)
            : Math.Round(converted, 2, MidpointRounding.AwayFromZero);
    }
}
