namespace ErpSaaS.Errors;

/// <summary>
/// Business errors of business partners and money in the catalog: customers, suppliers and their products, currencies,
/// exchange rates and price lists ("Error:{code}" texts in Partners.json).
/// </summary>
public static class PartnerErrorCodes
{
    public const string CodeInvalid = "Partners:CodeInvalid";
    public const string CustomerCodeTaken = "Partners:CustomerCodeTaken";
    public const string SupplierCodeTaken = "Partners:SupplierCodeTaken";
    public const string NameRequired = "Partners:NameRequired";
    public const string TaxIdInvalid = "Partners:TaxIdInvalid";
    public const string CreditLimitInvalid = "Partners:CreditLimitInvalid";
    public const string PaymentTermsInvalid = "Partners:PaymentTermsInvalid";
    public const string LeadTimeInvalid = "Partners:LeadTimeInvalid";
    public const string CurrencyUnknown = "Partners:CurrencyUnknown";

    public const string ContactNameRequired = "Partners:ContactNameRequired";
    public const string ContactPhoneInvalid = "Partners:ContactPhoneInvalid";
    public const string ContactEmailInvalid = "Partners:ContactEmailInvalid";
    public const string ContactRoleTooLong = "Partners:ContactRoleTooLong";
    public const string AddressRequired = "Partners:AddressRequired";

    public const string CurrencyCodeInvalid = "Partners:CurrencyCodeInvalid";
    public const string CurrencyCodeTaken = "Partners:CurrencyCodeTaken";
    public const string CurrencyNameRequired = "Partners:CurrencyNameRequired";
    public const string CurrencySymbolTooLong = "Partners:CurrencySymbolTooLong";
    public const string CurrencyDecimalPlacesInvalid = "Partners:CurrencyDecimalPlacesInvalid";
    public const string BaseCurrencyCannotBeDeactivated = "Partners:BaseCurrencyCannotBeDeactivated";

    public const string ExchangeRateMustBePositive = "Partners:ExchangeRateMustBePositive";
    public const string ExchangeRateOfBaseCurrency = "Partners:ExchangeRateOfBaseCurrency";
    public const string ExchangeRateMissing = "Partners:ExchangeRateMissing";

    public const string PriceListNameRequired = "Partners:PriceListNameRequired";
    public const string PriceListNameTaken = "Partners:PriceListNameTaken";
    public const string PriceListValidityInvalid = "Partners:PriceListValidityInvalid";
    public const string PriceListUnknown = "Partners:PriceListUnknown";
    public const string PriceListCurrencyMismatch = "Partners:PriceListCurrencyMismatch";
    public const string PriceListLineDuplicate = "Partners:PriceListLineDuplicate";
    public const string UnitPriceInvalid = "Partners:UnitPriceInvalid";
    public const string MinimumQuantityInvalid = "Partners:MinimumQuantityInvalid";
    public const string QuantityMustBePositive = "Partners:QuantityMustBePositive";
    public const string ProductUnknown = "Partners:ProductUnknown";
    public const string SupplierProductTaken = "Partners:SupplierProductTaken";
}
