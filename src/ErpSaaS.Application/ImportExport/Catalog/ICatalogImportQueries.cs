using ErpSaaS.Catalog;

namespace ErpSaaS.ImportExport.Catalog;

public sealed record CatalogCodeReference(Guid Id, string Code, bool IsActive, bool IsDefault = false);

public sealed record CategoryReference(Guid Id, string Code, Guid? ParentId, bool IsActive);

public sealed record ExistingProduct(Guid Id, string Code, string BaseUnit, ProductType Type, ValuationMethod ValuationMethod, bool IsBatchTracked, bool IsActive);

public sealed record BarcodeOwner(Guid ProductId, string ProductCode);

/// <summary>
/// The master data an import of catalog rows refers to, read all at once (never one query per row) and without
/// tracking: the check of a file writes nothing and holds nothing in the unit of work.
/// </summary>
public interface ICatalogImportQueries
{
    Task<IReadOnlySet<string>> GetActiveUnitCodesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<CategoryReference>> GetCategoriesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<CatalogCodeReference>> GetTaxRatesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<CatalogCodeReference>> GetWarehousesAsync(CancellationToken cancellationToken);

    /// <summary>The products among <paramref name="codes"/> that exist, by code.</summary>
    Task<IReadOnlyDictionary<string, ExistingProduct>> GetProductsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="barcodes"/> belong to a product already, and to which.</summary>
    Task<IReadOnlyDictionary<string, BarcodeOwner>> GetBarcodeOwnersAsync(IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken);
}
