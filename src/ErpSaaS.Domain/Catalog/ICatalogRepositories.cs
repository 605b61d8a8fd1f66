namespace ErpSaaS.Catalog;

/// <summary>Products of the current tenant, loaded with their barcodes and unit conversions.</summary>
public interface IProductRepository
{
    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Product?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="barcodes"/> already belong to a product other than <paramref name="except"/>, with that product's code.</summary>
    Task<IReadOnlyDictionary<string, string>> FindBarcodeOwnersAsync(IReadOnlyCollection<string> barcodes, Guid? except, CancellationToken cancellationToken = default);
    void Add(Product product);

    /// <summary>Deletes a product with its barcodes and conversions; <see cref="ProductManager.DeleteAsync"/> checks it was never used.</summary>
    void Remove(Product product);
}

public interface IProductCategoryRepository
{
    Task<ProductCategory?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);

    /// <summary>The whole tree (id → parent); categories are few, so cycle and depth checks read it at once.</summary>
    Task<IReadOnlyDictionary<Guid, Guid?>> GetParentsAsync(CancellationToken cancellationToken = default);
    void Add(ProductCategory category);
}

public interface IUnitOfMeasureRepository
{
    Task<UnitOfMeasure?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<UnitOfMeasure?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The codes among <paramref name="codes"/> of active units.</summary>
    Task<IReadOnlySet<string>> FindActiveCodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);
    void Add(UnitOfMeasure unit);
}

public interface ITaxRateRepository
{
    Task<TaxRate?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<TaxRate?> FindDefaultAsync(CancellationToken cancellationToken = default);
    Task<TaxRate?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default);
    void Add(TaxRate taxRate);
}

public interface IWarehouseLocationRepository
{
    Task<WarehouseLocation?> FindAsync(Guid id, CancellationToken cancellationToken = default);
    Task<bool> CodeExistsAsync(Guid warehouseId, string code, Guid? except, CancellationToken cancellationToken = default);
    void Add(WarehouseLocation location);
}

/// <summary>
/// Tells whether a product is already used by some module's documents (stock ledger, orders ...). A used product
/// keeps its base unit and valuation method: changing them would silently rescale or revalue its history.
/// </summary>
public interface IProductUsage
{
    Task<bool> IsUsedAsync(Guid productId, CancellationToken cancellationToken = default);
}
