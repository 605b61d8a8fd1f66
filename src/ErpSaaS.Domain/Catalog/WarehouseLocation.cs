using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>A bin inside a warehouse (A-01-03). The code is unique within its warehouse.</summary>
public sealed class WarehouseLocation : AggregateRoot, IMultiTenant
{
    private WarehouseLocation() { }

    internal WarehouseLocation(Guid warehouseId, string code, string name)
    {
        WarehouseId = warehouseId;
        Code = NormalizeCode(code);
        Rename(name);
        IsActive = true;
    }

    public Guid? TenantId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public bool IsActive { get; private set; }

    public void Rename(string? name) =>
        Name = MasterDataCode.RequireName(name, WarehouseLocationConsts.MaxNameLength, nameof(Name), CatalogErrorCodes.LocationNameRequired);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public static string NormalizeCode(string? code) =>
        MasterDataCode.Normalize(code, WarehouseLocationConsts.MaxCodeLength, nameof(Code), CatalogErrorCodes.LocationCodeInvalid);
}
