using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>
/// A category in the tree, listed depth first: <see cref="Depth"/> 0 for a top category, 1 for its children ...
/// <see cref="ProductCount"/> counts the products of the category and of every category below it, as the product list's filter does.
/// </summary>
public sealed record ProductCategoryDto(Guid Id, string Code, string Name, Guid? ParentId, int Depth, bool IsActive, int ProductCount, uint Version);

public sealed class ProductCategoryInput
{
    [Required, MaxLength(ProductCategoryConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(ProductCategoryConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Empty for a top category.</summary>
    public Guid? ParentId { get; set; }

    public uint Version { get; set; }
}

/// <summary>The product category tree: create, rename, move (never under itself, never too deep), (de)activate.</summary>
public interface IProductCategoryAppService
{
    /// <summary>The whole tree, depth first and by code among siblings.</summary>
    Task<IReadOnlyList<ProductCategoryDto>> GetTreeAsync(bool includeInactive = true, CancellationToken cancellationToken = default);
    Task<ProductCategoryDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(ProductCategoryInput input, CancellationToken cancellationToken = default);

    /// <summary>Renames and moves; the code stays what it was.</summary>
    Task UpdateAsync(Guid id, ProductCategoryInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed record UnitOfMeasureDto(Guid Id, string Code, string Name, int DecimalPlaces, bool IsActive, uint Version);

public sealed class UnitOfMeasureInput
{
    [Required, MaxLength(UnitOfMeasureConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(UnitOfMeasureConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [Range(0, UnitOfMeasureConsts.MaxDecimalPlaces)]
    public int DecimalPlaces { get; set; }

    public uint Version { get; set; }
}

/// <summary>Units of measure: create, rename, change decimal places, (de)activate.</summary>
public interface IUnitOfMeasureAppService
{
    Task<IReadOnlyList<UnitOfMeasureDto>> GetListAsync(bool includeInactive = true, CancellationToken cancellationToken = default);
    Task<UnitOfMeasureDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(UnitOfMeasureInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes name and decimal places; the code stays what it was (products and documents name it).</summary>
    Task UpdateAsync(Guid id, UnitOfMeasureInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>A tax rate; <see cref="Rate"/> is a fraction (0.13), <see cref="Percent"/> the same as people read it (13).</summary>
public sealed record TaxRateDto(Guid Id, string Code, string Name, decimal Rate, bool IsDefault, bool IsActive, uint Version)
{
    public decimal Percent => Rate * 100m;
}

public sealed class TaxRateInput
{
    [Required, MaxLength(TaxRateConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(TaxRateConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The rate in percent (13 for 13 %), at most two decimals; fixed once created.</summary>
    [Required]
    public decimal? RatePercent { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// Tax rates: create, rename, make one the default for new products, (de)activate any but the default. A rate is fixed once
/// created: when the law changes, a new rate replaces the old one, so documents keep the rate they were made with.
/// </summary>
public interface ITaxRateAppService
{
    Task<IReadOnlyList<TaxRateDto>> GetListAsync(bool includeInactive = true, CancellationToken cancellationToken = default);
    Task<TaxRateDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(TaxRateInput input, CancellationToken cancellationToken = default);

    /// <summary>Renames; code and rate stay what they were.</summary>
    Task UpdateAsync(Guid id, TaxRateInput input, CancellationToken cancellationToken = default);
    Task MakeDefaultAsync(Guid id, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed class WarehouseLocationListQuery : PageRequest
{
    public string? Search { get; set; }

    /// <summary>Also list deactivated bins (the list shows active ones by default).</summary>
    public bool IncludeInactive { get; set; }
}

public sealed record WarehouseLocationDto(Guid Id, Guid WarehouseId, string Code, string Name, bool IsActive, uint Version);

public sealed class WarehouseLocationInput
{
    [Required, MaxLength(WarehouseLocationConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(WarehouseLocationConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    public uint Version { get; set; }
}

/// <summary>The bins (库位) of one warehouse: list, create, rename, (de)activate. Every plan has bins.</summary>
public interface IWarehouseLocationAppService
{
    Task<PagedResult<WarehouseLocationDto>> GetListAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<WarehouseLocationDto>> ExportAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default);
    Task<WarehouseLocationDto> GetAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(Guid warehouseId, WarehouseLocationInput input, CancellationToken cancellationToken = default);

    /// <summary>Renames; the code stays what it was (labels are printed with it).</summary>
    Task UpdateAsync(Guid id, WarehouseLocationInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
}
