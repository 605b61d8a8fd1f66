using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Catalog;

/// <summary>
/// Creates and changes products with every reference checked against the company's own master data: unique code,
/// barcodes no other product has, known active units, an existing category, tax rate and warehouse. A product
/// already used keeps its base unit, valuation method and batch tracking, and is never deleted.
/// </summary>
public sealed class ProductManager(
    IProductRepository products, IUnitOfMeasureRepository units, IProductCategoryRepository categories,
    ITaxRateRepository taxRates, IWarehouseRepository warehouses, IEnumerable<IProductUsage> usages)
{
    public async Task<Product> CreateAsync(string? code, ProductDetails details, CancellationToken cancellationToken = default)
    {
        var normalized = Product.NormalizeCode(code);
        if (await products.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(Product.Code), CatalogErrorCodes.ProductCodeTaken, normalized);
        }
        details = await WithDefaultTaxRateAsync(details, cancellationToken);
        await CheckReferencesAsync(details, null, cancellationToken);
        var product = new Product(normalized, details);
        products.Add(product);
        return product;
    }

    public async Task UpdateAsync(Product product, ProductDetails details, CancellationToken cancellationToken = default)
    {
        await CheckReferencesAsync(details, product, cancellationToken);
        var changesHistory = UnitOfMeasure.NormalizeCode(details.BaseUnit, nameof(Product.BaseUnit)) != product.BaseUnit
                             || details.ValuationMethod != product.ValuationMethod
                             || details.IsBatchTracked != product.IsBatchTracked
                             || (details.Type == ProductType.Service) != (product.Type == ProductType.Service);
        if (changesHistory && await IsUsedAsync(product.Id, cancellationToken))
        {
            throw new BusinessException(CatalogErrorCodes.ProductInUseKeepsUnitAndValuation, product.Code);
        }
        product.Apply(details);
    }

    /// <summary>Removes a product entered by mistake; one that documents or the stock ledger already name can only be deactivated.</summary>
    public async Task DeleteAsync(Product product, CancellationToken cancellationToken = default)
    {
        if (await IsUsedAsync(product.Id, cancellationToken))
        {
            throw new BusinessException(ProductErrorCodes.ProductInUseCannotBeDeleted, product.Code);
        }
        products.Remove(product);
    }

    public async Task<bool> IsUsedAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        foreach (var usage in usages)
        {
            if (await usage.IsUsedAsync(productId, cancellationToken)) return true;
        }
        return false;
    }

    private async Task<ProductDetails> WithDefaultTaxRateAsync(ProductDetails details, CancellationToken cancellationToken) =>
        details.TaxRateId is null && await taxRates.FindDefaultAsync(cancellationToken) is { } rate ? details with { TaxRateId = rate.Id } : details;

    /// <summary>
    /// New references must be active; those the product already has stay valid after being deactivated, so a product
    /// in a retired category or with a retired unit can still be edited (and moved elsewhere) instead of being stuck.
    /// </summary>
    private async Task CheckReferencesAsync(ProductDetails details, Product? existing, CancellationToken cancellationToken)
    {
        var baseUnit = UnitOfMeasure.NormalizeCode(details.BaseUnit, nameof(Product.BaseUnit));
        var conversions = details.UnitConversions ?? [];
        var unitFields = new Dictionary<string, string>(StringComparer.Ordinal) { [baseUnit] = nameof(Product.BaseUnit) };
        for (var row = 0; row < conversions.Count; row++)
        {
            var field = Product.ConversionField(row, nameof(UnitConversionDetails.UnitCode));
            unitFields.TryAdd(UnitOfMeasure.NormalizeCode(conversions[row].UnitCode, field), field);
        }
        var kept = existing?.Units.ToHashSet(StringComparer.Ordinal) ?? [];
        var wanted = unitFields.Keys.Where(code => !kept.Contains(code)).ToList();
        var known = await units.FindActiveCodesAsync(wanted, cancellationToken);
        if (wanted.FirstOrDefault(code => !known.Contains(code)) is { } unknown)
        {
            throw BusinessException.ForField(unitFields[unknown], CatalogErrorCodes.ProductUnitUnknown, unknown);
        }
        if (details.CategoryId is { } categoryId && categoryId != existing?.CategoryId
            && await categories.FindAsync(categoryId, cancellationToken) is not { IsActive: true })
        {
            throw BusinessException.ForField(nameof(Product.CategoryId), CatalogErrorCodes.ProductCategoryUnknown);
        }
        if (details.TaxRateId is { } taxRateId && taxRateId != existing?.TaxRateId
            && await taxRates.FindAsync(taxRateId, cancellationToken) is not { IsActive: true })
        {
            throw BusinessException.ForField(nameof(Product.TaxRateId), CatalogErrorCodes.ProductTaxRateUnknown);
        }
        if (details.DefaultWarehouseId is { } warehouseId && warehouseId != existing?.DefaultWarehouseId
            && await warehouses.FindAsync(warehouseId, cancellationToken) is not { IsActive: true })
        {
            throw BusinessException.ForField(nameof(Product.DefaultWarehouseId), CatalogErrorCodes.ProductWarehouseUnknown);
        }
        var barcodes = (details.Barcodes ?? []).Select((barcode, row) => Product.NormalizeBarcode(barcode, Product.BarcodeField(row))).ToList();
        if (barcodes.Count > 0)
        {
            var owners = await products.FindBarcodeOwnersAsync(barcodes.Distinct(StringComparer.Ordinal).ToList(), existing?.Id, cancellationToken);
            if (owners.Count > 0)
            {
                var row = barcodes.FindIndex(owners.ContainsKey);
                throw BusinessException.ForField(Product.BarcodeField(row), CatalogErrorCodes.ProductBarcodeTaken, barcodes[row], owners[barcodes[row]]);
            }
        }
    }
}

/// <summary>Category tree edits: codes unique, a parent that exists, no cycles, no deeper than the limit.</summary>
public sealed class ProductCategoryManager(IProductCategoryRepository categories)
{
    public async Task<ProductCategory> CreateAsync(string? code, string? name, Guid? parentId, CancellationToken cancellationToken = default)
    {
        var normalized = ProductCategory.NormalizeCode(code);
        if (await categories.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(ProductCategory.Code), CatalogErrorCodes.CategoryCodeTaken, normalized);
        }
        var category = new ProductCategory(normalized, name!, null);
        await MoveAsync(category, parentId, cancellationToken);
        categories.Add(category);
        return category;
    }

    public async Task MoveAsync(ProductCategory category, Guid? parentId, CancellationToken cancellationToken = default)
    {
        if (parentId is { } id)
        {
            var parents = await categories.GetParentsAsync(cancellationToken);
            if (!parents.ContainsKey(id) && id != category.Id)
            {
                throw BusinessException.ForField(nameof(ProductCategory.ParentId), CatalogErrorCodes.CategoryParentUnknown);
            }
            var depth = 1;
            for (Guid? current = id; current is { } node; current = parents.GetValueOrDefault(node))
            {
                if (node == category.Id) throw BusinessException.ForField(nameof(ProductCategory.ParentId), CatalogErrorCodes.CategoryCycle);
                if (++depth > ProductCategoryConsts.MaxDepth)
                {
                    throw BusinessException.ForField(nameof(ProductCategory.ParentId), CatalogErrorCodes.CategoryTooDeep, ProductCategoryConsts.MaxDepth);
                }
            }
        }
        category.MoveUnder(parentId);
    }
}

/// <summary>Units, tax rates and bins with codes unique where they must be.</summary>
public sealed class CatalogReferenceManager(IUnitOfMeasureRepository units, ITaxRateRepository taxRates, IWarehouseLocationRepository locations, IWarehouseRepository warehouses)
{
    public async Task<UnitOfMeasure> CreateUnitAsync(string? code, string? name, int decimalPlaces, CancellationToken cancellationToken = default)
    {
        var normalized = UnitOfMeasure.NormalizeCode(code);
        if (await units.FindByCodeAsync(normalized, cancellationToken) is not null)
        {
            throw BusinessException.ForField(nameof(UnitOfMeasure.Code), CatalogErrorCodes.UnitCodeTaken, normalized);
        }
        var unit = new UnitOfMeasure(normalized, name!, decimalPlaces);
        units.Add(unit);
        return unit;
    }

    public async Task<TaxRate> CreateTaxRateAsync(string? code, string? name, decimal rate, bool isDefault = false, CancellationToken cancellationToken = default)
    {
        var normalized = MasterDataCode.Normalize(code, TaxRateConsts.MaxCodeLength, nameof(TaxRate.Code), CatalogErrorCodes.TaxRateCodeInvalid);
        if (await taxRates.CodeExistsAsync(normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(TaxRate.Code), CatalogErrorCodes.TaxRateCodeTaken, normalized);
        }
        var taxRate = new TaxRate(normalized, name!, rate, false);
        taxRates.Add(taxRate);
        if (isDefault) await MakeDefaultAsync(taxRate, cancellationToken);
        return taxRate;
    }

    /// <summary>Exactly one default rate: the previous default stops being one.</summary>
    public async Task MakeDefaultAsync(TaxRate taxRate, CancellationToken cancellationToken = default)
    {
        if (await taxRates.FindDefaultAsync(cancellationToken) is { } previous && previous.Id != taxRate.Id) previous.MarkDefault(false);
        taxRate.MarkDefault(true);
    }

    public async Task<WarehouseLocation> CreateLocationAsync(Guid warehouseId, string? code, string? name, CancellationToken cancellationToken = default)
    {
        if (await warehouses.FindAsync(warehouseId, cancellationToken) is null)
        {
            throw BusinessException.ForField(nameof(WarehouseLocation.WarehouseId), CatalogErrorCodes.LocationWarehouseUnknown);
        }
        var normalized = WarehouseLocation.NormalizeCode(code);
        if (await locations.CodeExistsAsync(warehouseId, normalized, null, cancellationToken))
        {
            throw BusinessException.ForField(nameof(WarehouseLocation.Code), CatalogErrorCodes.LocationCodeTaken, normalized);
        }
        var location = new WarehouseLocation(warehouseId, normalized, name!);
        locations.Add(location);
        return location;
    }
}
