using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A VAT rate products and document lines carry (13 %, 9 %, 6 %, 0 %). The rate is a fraction with four decimals;
/// one rate is the default for new products and stays active.
/// </summary>
public sealed class TaxRate : AggregateRoot, IMultiTenant
{
    private TaxRate() { }

    internal TaxRate(string code, string name, decimal rate, bool isDefault)
    {
        Code = MasterDataCode.Normalize(code, TaxRateConsts.MaxCodeLength, nameof(Code), CatalogErrorCodes.TaxRateCodeInvalid);
        Rename(name);
        ChangeRate(rate);
        IsDefault = isDefault;
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public decimal Rate { get; private set; }
    public bool IsDefault { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string? name) =>
        Name = MasterDataCode.RequireName(name, TaxRateConsts.MaxNameLength, nameof(Name), CatalogErrorCodes.TaxRateNameRequired);

    public void ChangeRate(decimal rate)
    {
        if (rate is < 0m or >= 1m || decimal.Round(rate, TaxRateConsts.RateScale) != rate)
        {
            throw BusinessException.ForField(nameof(Rate), CatalogErrorCodes.TaxRateOutOfRange);
        }
        Rate = rate;
    }

    /// <summary>Tax on a net amount, rounded half away from zero to the cent.</summary>
    public decimal TaxOn(decimal netAmount) => decimal.Round(netAmount * Rate, 2, MidpointRounding.AwayFromZero);

    internal void MarkDefault(bool isDefault)
    {
        IsDefault = isDefault;
        if (isDefault) IsActive = true;
    }

    public void Deactivate()
    {
        if (IsDefault) throw new BusinessException(CatalogErrorCodes.DefaultTaxRateCannotBeDeactivated, Code);
        IsActive = false;
    }

    public void Activate() => IsActive = true;
}
