using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A unit quantities are counted in (个, 箱, kg). Its code is what products, documents and import files name; the
/// decimal places say how finely a quantity in it may be written (0 for pieces, 3 for kilograms).
/// </summary>
public sealed class UnitOfMeasure : AggregateRoot, IMultiTenant
{
    private UnitOfMeasure() { }

    internal UnitOfMeasure(string code, string name, int decimalPlaces)
    {
        Code = NormalizeCode(code);
        Rename(name);
        ChangeDecimalPlaces(decimalPlaces);
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public int DecimalPlaces { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string? name) =>
        Name = MasterDataCode.RequireName(name, UnitOfMeasureConsts.MaxNameLength, nameof(Name), CatalogErrorCodes.UnitNameRequired);

    public void ChangeDecimalPlaces(int decimalPlaces)
    {
        if (decimalPlaces is < 0 or > UnitOfMeasureConsts.MaxDecimalPlaces)
        {
            throw BusinessException.ForField(nameof(DecimalPlaces), CatalogErrorCodes.UnitDecimalPlacesInvalid, UnitOfMeasureConsts.MaxDecimalPlaces);
        }
        DecimalPlaces = decimalPlaces;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Unit codes may be Chinese (个, 箱) as well as Latin (PCS): trimmed, upper-cased, no spaces.</summary>
    public static string NormalizeCode(string? code) => NormalizeCode(code, nameof(Code));

    /// <summary>As <see cref="NormalizeCode(string?)"/>, refusing at <paramref name="field"/> (a product's base unit, a conversion row).</summary>
    public static string NormalizeCode(string? code, string field)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (normalized.Length is 0 or > UnitOfMeasureConsts.MaxCodeLength || normalized.Any(char.IsWhiteSpace))
        {
            throw BusinessException.ForField(field, CatalogErrorCodes.UnitCodeInvalid, UnitOfMeasureConsts.MaxCodeLength);
        }
        return normalized;
    }
}
