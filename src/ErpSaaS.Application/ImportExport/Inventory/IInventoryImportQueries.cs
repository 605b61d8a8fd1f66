using ErpSaaS.Catalog;

namespace ErpSaaS.ImportExport.Inventory;

public sealed record LocationReference(Guid Id, Guid WarehouseId, string Code, bool IsActive);

/// <summary>What an import of stock rows refers to, read all at once and without tracking.</summary>
public interface IInventoryImportQueries
{
    /// <summary>The products among <paramref name="codes"/> that exist, by code, with their units (not tracked: the preview changes nothing).</summary>
    Task<IReadOnlyDictionary<string, Product>> GetProductsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>The bins of <paramref name="warehouseIds"/>.</summary>
    Task<IReadOnlyList<LocationReference>> GetLocationsAsync(IReadOnlyCollection<Guid> warehouseIds, CancellationToken cancellationToken);

    /// <summary>The opening balance created for <paramref name="requestId"/>, if there is one.</summary>
    Task<ImportDocumentDto?> FindOpeningAsync(Guid requestId, CancellationToken cancellationToken);
}
