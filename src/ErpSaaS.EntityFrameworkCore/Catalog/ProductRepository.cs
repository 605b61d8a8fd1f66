using ErpSaaS.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

internal sealed class ProductRepository(ErpDbContext db) : IProductRepository
{
    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Product?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Products.FirstOrDefaultAsync(p => p.Code == code, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.Products.Local.Any(p => p.Code == code && p.Id != except)
        || await db.Products.AnyAsync(p => p.Code == code && p.Id != except, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> FindBarcodeOwnersAsync(
        IReadOnlyCollection<string> barcodes, Guid? except, CancellationToken cancellationToken = default)
    {
        var owners = await db.ProductBarcodes.AsNoTracking()
            .Where(b => barcodes.Contains(b.Code) && b.ProductId != except)
            .Join(db.Products.IgnoreAutoIncludes(), b => b.ProductId, p => p.Id, (b, p) => new { b.Code, Product = p.Code })
            .ToDictionaryAsync(x => x.Code, x => x.Product, StringComparer.Ordinal, cancellationToken);
        // Products added in this unit of work and not yet saved (an import of many rows) count too.
        foreach (var product in db.Products.Local.Where(p => p.Id != except && db.Entry(p).State == EntityState.Added))
        {
            foreach (var barcode in product.Barcodes.Where(b => barcodes.Contains(b.Code))) owners.TryAdd(barcode.Code, product.Code);
        }
        return owners;
    }

    public void Add(Product product) => db.Products.Add(product);

    public void Remove(Product product) => db.Products.Remove(product);
}

internal sealed class ProductCategoryRepository(ErpDbContext db) : IProductCategoryRepository
{
    public async Task<ProductCategory?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ProductCategories.Local.FirstOrDefault(c => c.Id == id)
        ?? await db.ProductCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.ProductCategories.Local.Any(c => c.Code == code && c.Id != except)
        || await db.ProductCategories.AnyAsync(c => c.Code == code && c.Id != except, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Guid?>> GetParentsAsync(CancellationToken cancellationToken = default)
    {
        var parents = await db.ProductCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        foreach (var category in db.ProductCategories.Local) parents[category.Id] = category.ParentId;
        return parents;
    }

    public void Add(ProductCategory category) => db.ProductCategories.Add(category);
}

internal sealed class UnitOfMeasureRepository(ErpDbContext db) : IUnitOfMeasureRepository
{
    public Task<UnitOfMeasure?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.UnitsOfMeasure.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<UnitOfMeasure?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.UnitsOfMeasure.Local.FirstOrDefault(u => u.Code == code)
        ?? await db.UnitsOfMeasure.FirstOrDefaultAsync(u => u.Code == code, cancellationToken);

    public async Task<IReadOnlySet<string>> FindActiveCodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        var found = await db.UnitsOfMeasure.AsNoTracking().Where(u => u.IsActive && codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
        found.AddRange(db.UnitsOfMeasure.Local.Where(u => u.IsActive && codes.Contains(u.Code)).Select(u => u.Code));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public void Add(UnitOfMeasure unit) => db.UnitsOfMeasure.Add(unit);
}

internal sealed class TaxRateRepository(ErpDbContext db) : ITaxRateRepository
{
    public async Task<TaxRate?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.TaxRates.Local.FirstOrDefault(t => t.Id == id) ?? await db.TaxRates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<TaxRate?> FindDefaultAsync(CancellationToken cancellationToken = default) =>
        db.TaxRates.Local.FirstOrDefault(t => t.IsDefault) ?? await db.TaxRates.FirstOrDefaultAsync(t => t.IsDefault, cancellationToken);

    public async Task<TaxRate?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.TaxRates.Local.FirstOrDefault(t => t.Code == code) ?? await db.TaxRates.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);

    public async Task<bool> CodeExistsAsync(string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.TaxRates.Local.Any(t => t.Code == code && t.Id != except)
        || await db.TaxRates.AnyAsync(t => t.Code == code && t.Id != except, cancellationToken);

    public void Add(TaxRate taxRate) => db.TaxRates.Add(taxRate);
}

internal sealed class WarehouseLocationRepository(ErpDbContext db) : IWarehouseLocationRepository
{
    public Task<WarehouseLocation?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.WarehouseLocations.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<bool> CodeExistsAsync(Guid warehouseId, string code, Guid? except, CancellationToken cancellationToken = default) =>
        db.WarehouseLocations.Local.Any(l => l.WarehouseId == warehouseId && l.Code == code && l.Id != except)
        || await db.WarehouseLocations.AnyAsync(l => l.WarehouseId == warehouseId && l.Code == code && l.Id != except, cancellationToken);

    public void Add(WarehouseLocation location) => db.WarehouseLocations.Add(location);
}
