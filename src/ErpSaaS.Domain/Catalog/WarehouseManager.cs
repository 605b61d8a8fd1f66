using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>Creates warehouses with a code unique in the company.</summary>
public sealed class WarehouseManager(IWarehouseRepository warehouses)
{
    public async Task<Warehouse> CreateAsync(
        string? code, string? name, string? address, bool isQuarantine = false, bool isDefault = false, CancellationToken cancellationToken = default)
    {
        var normalized = Warehouse.NormalizeCode(code);
        if (await warehouses.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Warehouse.Code), CatalogErrorCodes.WarehouseCodeTaken, normalized);
        }
        var warehouse = new Warehouse(normalized, name!, address, isQuarantine, isDefault);
        warehouses.Add(warehouse);
        return warehouse;
    }

    /// <summary>The warehouse a new company starts with, named in the admin's language.</summary>
    public Task<Warehouse> CreateDefaultAsync(string language, CancellationToken cancellationToken = default) =>
        CreateAsync(WarehouseConsts.DefaultCode, language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "主仓库" : "Main warehouse",
            null, isDefault: true, cancellationToken: cancellationToken);
}
