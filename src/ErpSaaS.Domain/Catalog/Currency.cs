using System.Text.RegularExpressions;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A currency the company trades in, by its ISO 4217 code (unique per company, never changed). Amounts in it are rounded
/// to <see cref="DecimalPlaces"/> (JPY 0, CNY 2). The base currency (setting Company.BaseCurrency, CNY by default) is
/// the one the books are kept in; it stays active.
/// </summary>
public sealed partial class Currency : AggregateRoot, IMultiTenant
{
    private Currency() { }

    /// <summary>Use <see cref="CurrencyManager"/>, which checks the code is free.</summary>
    internal Currency(string code, string? name, string? symbol, int decimalPlaces)
    {
        Code = NormalizeCode(code);
        Rename(name);
        ChangeSymbol(symbol);
        ChangeDecimalPlaces(decimalPlaces);
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string Symbol { get; private set; } = null!;
    public int DecimalPlaces { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= CurrencyConsts.MaxNameLength })
        {
            throw BusinessException.ForField(nameof(Name), PartnerErrorCodes.CurrencyNameRequired, CurrencyConsts.MaxNameLength);
        }
        Name = trimmed;
    }

    /// <summary>The sign shown before amounts (¥, $); the code when none is given.</summary>
    public void ChangeSymbol(string? symbol)
    {
        var trimmed = string.IsNullOrWhiteSpace(symbol) ? Code : symbol.Trim();
        if (trimmed.Length > CurrencyConsts.MaxSymbolLength)
        {
            throw BusinessException.ForField(nameof(Symbol), PartnerErrorCodes.CurrencySymbolTooLong, CurrencyConsts.MaxSymbolLength);
        }
        Symbol = trimmed;
    }

    public void ChangeDecimalPlaces(int decimalPlaces)
    {
        if (decimalPlaces is < 0 or > CurrencyConsts.MaxDecimalPlaces)
        {
            throw BusinessException.ForField(nameof(DecimalPlaces), PartnerErrorCodes.CurrencyDecimalPlacesInvalid, CurrencyConsts.MaxDecimalPlaces);
        }
        DecimalPlaces = decimalPlaces;
    }

    /// <summary>Use <see cref="CurrencyManager"/>, which keeps the base currency active.</summary>
    internal void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Rounds an amount to this currency's decimal places, half away from zero (四舍五入, as invoices do).</summary>
    public decimal Round(decimal amount) => Math.Round(amount, DecimalPlaces, MidpointRounding.AwayFromZero);

    /// <summary>Trims and upper-cases a code; refuses anything but three letters.</summary>
    public static string NormalizeCode(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(normalized))
        {
            throw BusinessException.ForField(nameof(Code), PartnerErrorCodes.CurrencyCodeInvalid);
        }
        return normalized;
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>
/// How many units of the base currency one unit of <see cref="CurrencyCode"/> is worth from <see cref="EffectiveDate"/>
/// on, until a later rate takes over. One rate per currency and day. The base currency is kept on the row, so rates
/// entered before the company changed its base currency are not mistaken for rates to the new one.
/// </summary>
public sealed class ExchangeRate : AggregateRoot, IMultiTenant
{
    private ExchangeRate() { }

    internal ExchangeRate(string currencyCode, string baseCurrencyCode, DateOnly effectiveDate, decimal rate)
    {
        CurrencyCode = currencyCode;
        BaseCurrencyCode = baseCurrencyCode;
        EffectiveDate = effectiveDate;
        ChangeRate(rate);
    }

    public Guid? TenantId { get; private set; }
    public string CurrencyCode { get; private set; } = null!;
    public string BaseCurrencyCode { get; private set; } = null!;
    public DateOnly EffectiveDate { get; private set; }
    public decimal Rate { get; private set; }

    public void ChangeRate(decimal rate)
    {
        var max = (decimal)Math.Pow(10, CurrencyConsts.RatePrecision - CurrencyConsts.RateScale);
        if (rate <= 0 || rate >= max || decimal.Round(rate, CurrencyConsts.RateScale) != rate)
        {
            throw BusinessException.ForField(nameof(Rate), PartnerErrorCodes.ExchangeRateMustBePositive, CurrencyConsts.RateScale);
        }
        Rate = rate;
    }
}
