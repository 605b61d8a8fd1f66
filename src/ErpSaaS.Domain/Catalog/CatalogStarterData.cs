namespace ErpSaaS.Catalog;

/// <summary>
/// What every new company finds in its catalog on day one, sample data or not: the common units of measure and
/// China's VAT rates (13 % default for goods; 9 %, 6 %, 0 %), named in the admin's language.
/// </summary>
public sealed class CatalogStarterData(CatalogReferenceManager references)
{
    public async Task CreateAsync(string language, CancellationToken cancellationToken = default)
    {
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        (string Code, string Chinese, string English, int DecimalPlaces)[] units =
        [
            ("PCS", "个", "Piece", 0), ("BOX", "箱", "Box", 0), ("SET", "套", "Set", 0), ("PACK", "包", "Pack", 0),
            ("KG", "千克", "Kilogram", 3), ("G", "克", "Gram", 2), ("M", "米", "Metre", 2), ("L", "升", "Litre", 3),
        ];
        foreach (var (code, zh, en, decimals) in units)
        {
            await references.CreateUnitAsync(code, chinese ? zh : en, decimals, cancellationToken);
        }
        (string Code, string Chinese, string English, decimal Rate, bool IsDefault)[] rates =
        [
            ("VAT13", "增值税 13%", "VAT 13%", 0.13m, true), ("VAT9", "增值税 9%", "VAT 9%", 0.09m, false),
            ("VAT6", "增值税 6%", "VAT 6%", 0.06m, false), ("VAT0", "零税率", "Zero-rated", 0m, false),
        ];
        foreach (var (code, zh, en, rate, isDefault) in rates)
        {
            await references.CreateTaxRateAsync(code, chinese ? zh : en, rate, isDefault, cancellationToken);
        }
    }
}
