using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>
/// Read side of products in the current tenant: filtered, sorted and paged in SQL, projected to DTOs. <see cref="ProductDto.IsUsed"/>
/// is left false here: whether a product is used is for the modules that use it to say (<see cref="ProductManager.IsUsedAsync"/>).
/// </summary>
public interface IProductQueries
{
    Task<PagedResult<ProductListItemDto>> GetListAsync(ProductListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ProductDto>> ExportAsync(ProductListQuery query, CancellationToken cancellationToken = default);
    Task<ProductDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>Read side of the catalog's reference data in the current tenant: categories, units, tax rates, warehouses and bins.</summary>
public interface ICatalogReferenceQueries
{
    /// <summary>Every category, depth first and by code among siblings, with how many products it and its subcategories hold.</summary>
    Task<IReadOnlyList<ProductCategoryDto>> GetCategoryTreeAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<UnitOfMeasureDto>> GetUnitsAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TaxRateDto>> GetTaxRatesAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<WarehouseDto>> GetWarehousesAsync(CancellationToken cancellationToken = default);
    Task<PagedResult<WarehouseLocationDto>> GetLocationsAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default);
    Task<WarehouseLocationDto?> FindLocationAsync(Guid id, CancellationToken cancellationToken = default);
}
