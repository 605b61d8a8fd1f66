using System.ComponentModel.DataAnnotations;
using ErpSaaS.Common;

namespace ErpSaaS.Catalog;

/// <summary>Which products a list shows by their active flag.</summary>
public enum ProductStatusFilter
{
    Active = 0,
    Inactive = 1,
    All = 2,
}

public sealed class ProductListQuery : PageRequest
{
    /// <summary>Part of the code, name or specification (any case), or a whole barcode as scanned.</summary>
    public string? Search { get; set; }

    /// <summary>Products of this category and of every category below it.</summary>
    public Guid? CategoryId { get; set; }

    public ProductType? Type { get; set; }

    public ProductStatusFilter Status { get; set; }
}

/// <summary>One row of the product list.</summary>
public sealed record ProductListItemDto(
    Guid Id, string Code, string Name, string? Specification, string? CategoryName, ProductType Type, string BaseUnit,
    decimal SalePrice, bool IsBatchTracked, bool IsActive, IReadOnlyList<string> Barcodes);

public sealed record UnitConversionDto(string UnitCode, decimal Factor);

/// <summary>A product with everything it is described by, and the names of what it refers to.</summary>
public sealed record ProductDto
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Specification { get; init; }
    public Guid? CategoryId { get; init; }
    public string? CategoryName { get; init; }
    public ProductType Type { get; init; }
    public required string BaseUnit { get; init; }
    public IReadOnlyList<UnitConversionDto> UnitConversions { get; init; } = [];
    public IReadOnlyList<string> Barcodes { get; init; } = [];
    public Guid? DefaultWarehouseId { get; init; }
    public string? DefaultWarehouseCode { get; init; }
    public decimal SafetyStock { get; init; }
    public decimal ReorderPoint { get; init; }
    public decimal ReorderQuantity { get; init; }
    public decimal? MaximumStock { get; init; }
    public int LeadTimeDays { get; init; }
    public bool IsBatchTracked { get; init; }
    public int? ShelfLifeDays { get; init; }
    public ValuationMethod ValuationMethod { get; init; }
    public decimal StandardCost { get; init; }
    public decimal SalePrice { get; init; }
    public Guid? TaxRateId { get; init; }
    public string? TaxRateCode { get; init; }

    /// <summary>The tax rate as a fraction (0.13), when the product has one.</summary>
    public decimal? TaxRate { get; init; }
    public bool IsActive { get; init; }

    /// <summary>True once documents or the stock ledger name the product: it can then be deactivated but not deleted.</summary>
    public bool IsUsed { get; init; }

    /// <summary>The version an edit started from; a save from an older one is refused (someone else saved in between).</summary>
    public uint Version { get; init; }
}

public sealed class UnitConversionInput
{
    [MaxLength(UnitOfMeasureConsts.MaxCodeLength)]
    public string? UnitCode { get; set; }

    /// <summary>How many base units one <see cref="UnitCode"/> holds (12 for a box of 12 pieces).</summary>
    public decimal? Factor { get; set; }
}

/// <summary>
/// A product as a form or an API client enters it. Numbers left empty count as zero, except the maximum stock and the
/// shelf life, which stay unset. Rows of <see cref="UnitConversions"/> and <see cref="Barcodes"/> are refused by their index
/// ("UnitConversions[1].Factor", "Barcodes[0]").
/// </summary>
public sealed class ProductInput
{
    [Required, MaxLength(ProductConsts.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(ProductConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [MaxLength(ProductConsts.MaxSpecificationLength)]
    public string? Specification { get; set; }

    public Guid? CategoryId { get; set; }
    public ProductType Type { get; set; } = ProductType.Goods;

    [Required, MaxLength(UnitOfMeasureConsts.MaxCodeLength)]
    public string BaseUnit { get; set; } = string.Empty;

    public List<UnitConversionInput> UnitConversions { get; set; } = [];
    public List<string?> Barcodes { get; set; } = [];
    public Guid? DefaultWarehouseId { get; set; }
    public decimal? SafetyStock { get; set; }
    public decimal? ReorderPoint { get; set; }
    public decimal? ReorderQuantity { get; set; }
    public decimal? MaximumStock { get; set; }
    public int? LeadTimeDays { get; set; }
    public bool IsBatchTracked { get; set; }
    public int? ShelfLifeDays { get; set; }
    public ValuationMethod ValuationMethod { get; set; } = ValuationMethod.MovingAverage;
    public decimal? StandardCost { get; set; }
    public decimal? SalePrice { get; set; }

    /// <summary>Empty on create: the company's default tax rate.</summary>
    public Guid? TaxRateId { get; set; }

    /// <summary>On update, the <see cref="ProductDto.Version"/> the edit started from.</summary>
    public uint Version { get; set; }

    /// <summary>Drops the rows a form leaves empty (no unit and no factor; a blank barcode), so only what was typed is checked.</summary>
    public void RemoveEmptyRows()
    {
        UnitConversions.RemoveAll(c => string.IsNullOrWhiteSpace(c.UnitCode) && c.Factor is null);
        Barcodes.RemoveAll(string.IsNullOrWhiteSpace);
    }

    public static ProductInput From(ProductDto product) => new()
    {
        Code = product.Code, Name = product.Name, Specification = product.Specification, CategoryId = product.CategoryId, Type = product.Type,
        BaseUnit = product.BaseUnit, UnitConversions = [.. product.UnitConversions.Select(c => new UnitConversionInput { UnitCode = c.UnitCode, Factor = c.Factor })],
        Barcodes = [.. product.Barcodes], DefaultWarehouseId = product.DefaultWarehouseId, SafetyStock = product.SafetyStock,
        ReorderPoint = product.ReorderPoint, ReorderQuantity = product.ReorderQuantity, MaximumStock = product.MaximumStock,
        LeadTimeDays = product.LeadTimeDays, IsBatchTracked = product.IsBatchTracked, ShelfLifeDays = product.ShelfLifeDays,
        ValuationMethod = product.ValuationMethod, StandardCost = product.StandardCost, SalePrice = product.SalePrice,
        TaxRateId = product.TaxRateId, Version = product.Version,
    };
}

/// <summary>What a product form offers to choose from: active master data (plus what the product already refers to).</summary>
public sealed record ProductFormOptionsDto(
    IReadOnlyList<ProductCategoryDto> Categories, IReadOnlyList<UnitOfMeasureDto> Units, IReadOnlyList<TaxRateDto> TaxRates,
    IReadOnlyList<WarehouseDto> Warehouses, bool BatchTrackingAvailable);

/// <summary>
/// The product master: list, look up, create, edit, (de)activate, delete what was never used. Needs the "Catalog"
/// permission; batch tracking needs a plan with batches.
/// </summary>
public interface IProductAppService
{
    Task<PagedResult<ProductListItemDto>> GetListAsync(ProductListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every product of the filter (up to <see cref="PageRequest.MaxExportRows"/>) with all its fields, for a file.</summary>
    Task<IReadOnlyList<ProductDto>> ExportAsync(ProductListQuery query, CancellationToken cancellationToken = default);
    Task<ProductDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <param name="productId">The product being edited, whose current references are offered even when inactive.</param>
    Task<ProductFormOptionsDto> GetFormOptionsAsync(Guid? productId = null, CancellationToken cancellationToken = default);
    Task<Guid> CreateAsync(ProductInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes everything but the code; refused when <see cref="ProductInput.Version"/> is not the current one.</summary>
    Task UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken = default);
    Task DeactivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task ActivateAsync(Guid id, CancellationToken cancellationToken = default);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
