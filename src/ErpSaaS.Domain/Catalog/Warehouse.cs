using System.Text.RegularExpressions;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// A place where stock is kept. The code is the company's own short key (unique per company, upper case); exactly one
/// warehouse is the default one, which stays active. A quarantine warehouse holds goods awaiting inspection.
/// </summary>
public sealed partial class Warehouse : AggregateRoot, IMultiTenant
{
    private Warehouse() { }

    /// <summary>Use <see cref="WarehouseManager"/>, which checks the code is free.</summary>
    internal Warehouse(string code, string name, string? address, bool isQuarantine, bool isDefault)
    {
        Code = NormalizeCode(code);
        Rename(name);
        ChangeAddress(address);
        IsQuarantine = isQuarantine;
        IsDefault = isDefault;
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string? Address { get; private set; }
    public bool IsQuarantine { get; private set; }
    public bool IsActive { get; private set; }
    public bool IsDefault { get; private set; }

    public void Rename(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= WarehouseConsts.MaxNameLength })
        {
            throw BusinessException.ForField(nameof(Name), CatalogErrorCodes.WarehouseNameRequired, WarehouseConsts.MaxNameLength);
        }
        Name = trimmed;
    }

    public void ChangeAddress(string? address)
    {
        var trimmed = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (trimmed is { Length: > WarehouseConsts.MaxAddressLength })
        {
            throw BusinessException.ForField(nameof(Address), CatalogErrorCodes.WarehouseAddressTooLong, WarehouseConsts.MaxAddressLength);
        }
        Address = trimmed;
    }

    public void MarkQuarantine(bool isQuarantine) => IsQuarantine = isQuarantine;

    public void Deactivate()
    {
        if (IsDefault) throw new BusinessException(CatalogErrorCodes.DefaultWarehouseCannotBeDeactivated, Code);
        IsActive = false;
    }

    public void Activate() => IsActive = true;

    /// <summary>Trims and upper-cases a code; refuses anything but 1–32 of A–Z, 0–9, '-' and '_'.</summary>
    public static string NormalizeCode(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(normalized))
        {
            throw BusinessException.ForField(nameof(Code), CatalogErrorCodes.WarehouseCodeInvalid, WarehouseConsts.MaxCodeLength);
        }
        return normalized;
    }

    [GeneratedRegex("^[A-Z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
