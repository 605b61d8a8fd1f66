using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// The one product master every module shares: sales' "爆款A", purchasing's "SKU-10086" and the warehouse's label
/// are the same code, name and barcodes. Quantities everywhere are kept in the base unit; other units convert with
/// a fixed factor (1 box = 12 pcs). References to units, categories, tax rates and warehouses are checked by
/// <see cref="ProductManager"/>, which can see them.
/// </summary>
public sealed class Product : AggregateRoot, IMultiTenant
{
    private readonly List<ProductBarcode> _barcodes = [];
    private readonly List<ProductUnitConversion> _unitConversions = [];

    private Product() { }

    internal Product(string code, ProductDetails details)
    {
        Code = NormalizeCode(code);
        IsActive = true;
        Apply(details);
    }

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string? Specification { get; private set; }
    public Guid? CategoryId { get; private set; }
    public ProductType Type { get; private set; }
    public string BaseUnit { get; private set; } = null!;
    public Guid? DefaultWarehouseId { get; private set; }
    public decimal SafetyStock { get; private set; }
    public decimal ReorderPoint { get; private set; }
    public decimal ReorderQuantity { get; private set; }

    /// <summary>The most the company wants on hand; null when there is no ceiling.</summary>
    public decimal? MaximumStock { get; private set; }
    public int LeadTimeDays { get; private set; }
    public bool IsBatchTracked { get; private set; }
    public int? ShelfLifeDays { get; private set; }
    public ValuationMethod ValuationMethod { get; private set; }
    public decimal StandardCost { get; private set; }
    public decimal SalePrice { get; private set; }
    public Guid? TaxRateId { get; private set; }
    public bool IsActive { get; private set; }

    public IReadOnlyList<ProductBarcode> Barcodes => _barcodes;
    public IReadOnlyList<ProductUnitConversion> UnitConversions => _unitConversions;

    /// <summary>Services are bought and sold but have no stock, no ledger and no valuation.</summary>
    public bool IsStocked => IsStockedType(Type);

    public static bool IsStockedType(ProductType type) => type != ProductType.Service;

    /// <summary>Everything but the code, in one step, so the rules that tie fields together see the new values together.</summary>
    internal void Apply(ProductDetails details)
    {
        Name = MasterDataCode.RequireName(details.Name, ProductConsts.MaxNameLength, nameof(Name), CatalogErrorCodes.ProductNameRequired);
        var specification = string.IsNullOrWhiteSpace(details.Specification) ? null : details.Specification.Trim();
        if (specification is { Length: > ProductConsts.MaxSpecificationLength })
        {
            throw BusinessException.ForField(nameof(Specification), CatalogErrorCodes.ProductSpecificationTooLong, ProductConsts.MaxSpecificationLength);
        }
        Specification = specification;
        Type = details.Type;
        CategoryId = details.CategoryId;
        DefaultWarehouseId = details.DefaultWarehouseId;
        TaxRateId = details.TaxRateId;
        BaseUnit = UnitOfMeasure.NormalizeCode(details.BaseUnit, nameof(BaseUnit));
        SetStockLevels(details.SafetyStock, details.ReorderPoint, details.ReorderQuantity, details.MaximumStock);
        SetLeadTime(details.LeadTimeDays);
        SetBatchTracking(details.IsBatchTracked, details.ShelfLifeDays);
        ValuationMethod = details.ValuationMethod;
        StandardCost = Price(details.StandardCost, nameof(StandardCost));
        SalePrice = Price(details.SalePrice, nameof(SalePrice));
        ReplaceUnitConversions(details.UnitConversions ?? []);
        ReplaceBarcodes(details.Barcodes ?? []);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>A quantity in <paramref name="unit"/> expressed in the base unit (3 boxes of 12 → 36).</summary>
    public decimal ToBaseQuantity(decimal quantity, string unit)
    {
        var code = UnitOfMeasure.NormalizeCode(unit);
        if (code == BaseUnit) return quantity;
        var conversion = _unitConversions.FirstOrDefault(c => c.UnitCode == code)
                         ?? throw new BusinessException(CatalogErrorCodes.ProductUnitNotConvertible, Code, code);
        return quantity * conversion.Factor;
    }

    /// <summary>The base units in one <paramref name="unit"/>: 1 for the base unit itself.</summary>
    public decimal FactorOf(string unit) => ToBaseQuantity(1m, unit);

    /// <summary>Every unit a quantity of this product may be entered in, the base unit first.</summary>
    public IEnumerable<string> Units => _unitConversions.Select(c => c.UnitCode).Prepend(BaseUnit);

    private void SetStockLevels(decimal safetyStock, decimal reorderPoint, decimal reorderQuantity, decimal? maximumStock)
    {
        SafetyStock = Quantity(safetyStock, nameof(SafetyStock));
        ReorderPoint = Quantity(reorderPoint, nameof(ReorderPoint));
        ReorderQuantity = Quantity(reorderQuantity, nameof(ReorderQuantity));
        MaximumStock = maximumStock is { } maximum ? Quantity(maximum, nameof(MaximumStock)) : null;
        if (MaximumStock is { } ceiling && (ceiling < ReorderPoint || ceiling < SafetyStock))
        {
            throw BusinessException.ForField(nameof(MaximumStock), CatalogErrorCodes.ProductMaximumBelowReorderPoint);
        }
    }

    private void SetLeadTime(int days)
    {
        if (days is < 0 or > ProductConsts.MaxLeadTimeDays)
        {
            throw BusinessException.ForField(nameof(LeadTimeDays), CatalogErrorCodes.ProductLeadTimeInvalid, ProductConsts.MaxLeadTimeDays);
        }
        LeadTimeDays = days;
    }

    private void SetBatchTracking(bool isBatchTracked, int? shelfLifeDays)
    {
        if (isBatchTracked && !IsStocked)
        {
            throw BusinessException.ForField(nameof(IsBatchTracked), CatalogErrorCodes.ProductServiceCannotTrackBatches);
        }
        if (shelfLifeDays is { } days)
        {
            if (!isBatchTracked) throw BusinessException.ForField(nameof(ShelfLifeDays), CatalogErrorCodes.ProductShelfLifeNeedsBatches);
            if (days is <= 0 or > ProductConsts.MaxShelfLifeDays)
            {
                throw BusinessException.ForField(nameof(ShelfLifeDays), CatalogErrorCodes.ProductShelfLifeInvalid, ProductConsts.MaxShelfLifeDays);
            }
        }
        IsBatchTracked = isBatchTracked;
        ShelfLifeDays = shelfLifeDays;
    }

    private void ReplaceUnitConversions(IReadOnlyList<UnitConversionDetails> conversions)
    {
        if (conversions.Count > ProductConsts.MaxUnitConversions)
        {
            throw BusinessException.ForField(nameof(UnitConversions), CatalogErrorCodes.ProductTooManyConversions, ProductConsts.MaxUnitConversions);
        }
        var wanted = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var row = 0; row < conversions.Count; row++)
        {
            var conversion = conversions[row];
            var unit = UnitOfMeasure.NormalizeCode(conversion.UnitCode, ConversionField(row, nameof(UnitConversionDetails.UnitCode)));
            if (conversion.Factor <= 0m || decimal.Round(conversion.Factor, ProductConsts.FactorScale) != conversion.Factor || conversion.Factor >= 1_000_000_000m)
            {
                throw BusinessException.ForField(ConversionField(row, nameof(UnitConversionDetails.Factor)), CatalogErrorCodes.ProductConversionInvalid, unit);
            }
            if (unit == BaseUnit || !wanted.TryAdd(unit, conversion.Factor))
            {
                throw BusinessException.ForField(ConversionField(row, nameof(UnitConversionDetails.UnitCode)), CatalogErrorCodes.ProductConversionDuplicate, unit);
            }
        }
        _unitConversions.RemoveAll(c => !wanted.ContainsKey(c.UnitCode));
        foreach (var (unit, factor) in wanted)
        {
            var existing = _unitConversions.FirstOrDefault(c => c.UnitCode == unit);
            if (existing is null) _unitConversions.Add(new ProductUnitConversion(Id, unit, factor));
            else existing.ChangeFactor(factor);
        }
    }

    private void ReplaceBarcodes(IReadOnlyList<string> barcodes)
    {
        var wanted = barcodes.Select((barcode, row) => NormalizeBarcode(barcode, BarcodeField(row))).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > ProductConsts.MaxBarcodes)
        {
            throw BusinessException.ForField(nameof(Barcodes), CatalogErrorCodes.ProductTooManyBarcodes, ProductConsts.MaxBarcodes);
        }
        _barcodes.RemoveAll(b => !wanted.Contains(b.Code, StringComparer.Ordinal));
        foreach (var code in wanted.Where(code => _barcodes.All(b => b.Code != code)))
        {
            _barcodes.Add(new ProductBarcode(Id, code));
        }
    }

    /// <summary>
    /// Where a rule broken by one row of the conversions is shown ("UnitConversions[2].Factor"): next to that row's
    /// input, on a form and in an import alike. Rules about the list as a whole name just "UnitConversions".
    /// </summary>
    public static string ConversionField(int row, string field) => $"{nameof(UnitConversions)}[{row}].{field}";

    /// <summary>Where a rule broken by one barcode is shown ("Barcodes[1]").</summary>
    public static string BarcodeField(int row) => $"{nameof(Barcodes)}[{row}]";

    /// <summary>Barcodes are scanned, not typed: digits and letters as printed (EAN-13, Code 128), no spaces.</summary>
    public static string NormalizeBarcode(string? barcode) => NormalizeBarcode(barcode, nameof(Barcodes));

    public static string NormalizeBarcode(string? barcode, string field)
    {
        var trimmed = barcode?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > ProductConsts.MaxBarcodeLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw BusinessException.ForField(field, CatalogErrorCodes.ProductBarcodeInvalid, ProductConsts.MaxBarcodeLength);
        }
        return trimmed;
    }

    public static string NormalizeCode(string? code) =>
        MasterDataCode.Normalize(code, ProductConsts.MaxCodeLength, nameof(Code), CatalogErrorCodes.ProductCodeInvalid);

    private static decimal Quantity(decimal value, string field)
    {
        if (value < 0m) throw BusinessException.ForField(field, CatalogErrorCodes.ProductQuantityNegative);
        if (decimal.Round(value, ProductConsts.QuantityScale) != value)
        {
            throw BusinessException.ForField(field, CatalogErrorCodes.ProductQuantityTooPrecise, ProductConsts.QuantityScale);
        }
        return value;
    }

    private static decimal Price(decimal value, string field)
    {
        if (value < 0m) throw BusinessException.ForField(field, CatalogErrorCodes.ProductPriceNegative);
        if (decimal.Round(value, ProductConsts.PriceScale) != value)
        {
            throw BusinessException.ForField(field, CatalogErrorCodes.ProductPriceTooPrecise, ProductConsts.PriceScale);
        }
        return value;
    }
}

/// <summary>One of a product's barcodes; a barcode belongs to one product of the company.</summary>
public sealed class ProductBarcode : Entity, IMultiTenant
{
    private ProductBarcode() { }

    internal ProductBarcode(Guid productId, string code)
    {
        ProductId = productId;
        Code = code;
    }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Code { get; private set; } = null!;
}

/// <summary>Another unit the product is counted in: one <see cref="UnitCode"/> holds <see cref="Factor"/> base units.</summary>
public sealed class ProductUnitConversion : Entity, IMultiTenant
{
    private ProductUnitConversion() { }

    internal ProductUnitConversion(Guid productId, string unitCode, decimal factor)
    {
        ProductId = productId;
        UnitCode = unitCode;
        Factor = factor;
    }

    public Guid? TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public string UnitCode { get; private set; } = null!;
    public decimal Factor { get; private set; }

    internal void ChangeFactor(decimal factor) => Factor = factor;
}

/// <summary>A unit and how many base units one of it holds.</summary>
public sealed record UnitConversionDetails(string UnitCode, decimal Factor);

/// <summary>What describes a product besides its code; the manager checks the references, the product the rest.</summary>
public sealed record ProductDetails
{
    public required string Name { get; init; }
    public string? Specification { get; init; }
    public Guid? CategoryId { get; init; }
    public ProductType Type { get; init; } = ProductType.Goods;
    public required string BaseUnit { get; init; }
    public IReadOnlyList<UnitConversionDetails>? UnitConversions { get; init; }
    public IReadOnlyList<string>? Barcodes { get; init; }
    public Guid? DefaultWarehouseId { get; init; }
    public decimal SafetyStock { get; init; }
    public decimal ReorderPoint { get; init; }
    public decimal ReorderQuantity { get; init; }
    public decimal? MaximumStock { get; init; }
    public int LeadTimeDays { get; init; }
    public bool IsBatchTracked { get; init; }
    public int? ShelfLifeDays { get; init; }
    public ValuationMethod ValuationMethod { get; init; } = ValuationMethod.MovingAverage;
    public decimal StandardCost { get; init; }
    public decimal SalePrice { get; init; }
    public Guid? TaxRateId { get; init; }
}
