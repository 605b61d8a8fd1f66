namespace ErpSaaS.Settings;

/// <summary>Names of per-tenant settings; defaults live in the setting definitions.</summary>
public static class ErpSettings
{
    public const string CompanyName = "Company.Name";
    public const string CompanyTaxId = "Company.TaxId";
    public const string CompanyAddress = "Company.Address";
    public const string CompanyPhone = "Company.Phone";
    public const string BaseCurrency = "Company.BaseCurrency";
    public const string TimeZone = "Company.TimeZone";
    public const string DefaultLanguage = "Company.DefaultLanguage";
    public const string NumberPatternPrefix = "Numbering.Pattern.";
    public const int MaxValueLength = 512;
}
