namespace ErpSaaS.Catalog;

/// <summary>Limits shared by customers and suppliers (business partners) and their contacts.</summary>
public static class PartnerConsts
{
    /// <summary>Same rule as warehouse codes: 1–32 of A–Z, 0–9, '-' and '_', stored upper case.</summary>
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 128;

    /// <summary>
    /// Long enough for a foreign VAT or registration number; a Chinese company's 统一社会信用代码 has 18 characters.
    /// </summary>
    public const int MaxTaxIdLength = 32;
    public const int MaxPaymentTermsDays = 365;
    public const int MaxLeadTimeDays = 365;

    public const int MaxContactNameLength = 64;
    public const int MaxContactPhoneLength = 32;
    public const int MaxContactEmailLength = 128;
    public const int MaxContactRoleLength = 64;
    public const int MaxAddressLength = 256;
}

public static class CurrencyConsts
{
    /// <summary>ISO 4217 alphabetic code: three letters.</summary>
    public const int CodeLength = 3;
    public const int MaxNameLength = 64;
    public const int MaxSymbolLength = 8;

    /// <summary>Decimal places amounts in a currency are rounded to (JPY 0, CNY 2, a few currencies 3).</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>Exchange rates keep ten decimal places: enough for a weak currency against a strong base (1 VND ≈ 0.0002766 CNY).</summary>
    public const int RateScale = 10;
    public const int RatePrecision = 20;

    /// <summary>The currencies every new company starts with (the base currency defaults to CNY).</summary>
    public static readonly IReadOnlyList<string> DefaultCodes = ["CNY", "USD", "EUR", "HKD", "JPY"];
}

public static class PriceListConsts
{
    public const int MaxNameLength = 128;

    /// <summary>Unit prices carry six decimals (decimal(18,6)), quantities four (decimal(18,4)).</summary>
    public const int UnitPriceScale = 6;
    public const int QuantityScale = 4;
}

public static class SupplierProductConsts
{
    public const int MaxSupplierProductCodeLength = 64;
}

/// <summary>How important a customer is to the company (客户等级), used for follow-up, credit and price decisions.</summary>
public enum CustomerGrade
{
    /// <summary>Key account (重点客户).</summary>
    A = 0,

    /// <summary>Regular customer (普通客户).</summary>
    B = 1,

    /// <summary>Occasional or small customer (一般客户).</summary>
    C = 2,
}

/// <summary>What an address of a customer is for.</summary>
public enum PartnerAddressKind
{
    /// <summary>Where invoices (发票) are sent.</summary>
    Billing = 0,

    /// <summary>Where goods are delivered (收货地址).</summary>
    Shipping = 1,
}
