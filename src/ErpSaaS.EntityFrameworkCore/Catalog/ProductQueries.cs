using System.Linq.Expressions;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

/// <summary>
/// The product list as SQL. Searching reads one stored lower-case column (code, name and specification, see
/// <see cref="ProductConfiguration"/>) instead of three case-insensitive matches, and finds a scanned barcode by one
/// indexed equality. Row-level security keeps PostgreSQL from using a trigram index for the text search (ILIKE is
/// not leakproof, so it may not run before the tenant policy), so the text match is made cheap rather than indexed.
/// </summary>
internal sealed class ProductQueries(ErpDbContext db) : IProductQueries
{
    private static readonly SortMap<Product> Sorts = new SortMap<Product>("code", false, p => p.Id)
        .Add("code", p => p.Code)
        .Add("name", p => p.Name)
        .Add("type", p => p.Type)
        .Add("salePrice", p => p.SalePrice)
        .Add("isActive", p => p.IsActive);

    public async Task<PagedResult<ProductListItemDto>> GetListAsync(ProductListQuery query, CancellationToken cancellationToken = default)
    {
        var products = await FilterAsync(query, cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, PageRequest.MaxExportRows);
        var page = Math.Max(1, query.Page);
        var items = await Sorts.Apply(products, query.Sort, query.Desc).Skip((page - 1) * size).Take(size)
            .Select(p => new ProductListItemDto(
                p.Id, p.Code, p.Name, p.Specification,
                db.ProductCategories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.Type, p.BaseUnit, p.SalePrice, p.IsBatchTracked, p.IsActive,
                p.Barcodes.OrderBy(b => b.Code).Select(b => b.Code).ToList()))
            .ToListAsync(cancellationToken);
        // A first page with room to spare already holds every match: counting them again would scan the same rows twice.
        var total = page == 1 && items.Count < size ? items.Count : await products.CountAsync(cancellationToken);
        return new PagedResult<ProductListItemDto>(items, total, page, size);
    }

    public async Task<IReadOnlyList<ProductDto>> ExportAsync(ProductListQuery query, CancellationToken cancellationToken = default)
    {
        var products = await FilterAsync(query, cancellationToken);
        return await Sorts.Apply(products, query.Sort, query.Desc).Take(Math.Clamp(query.PageSize, 1, PageRequest.MaxExportRows))
            .Select(ToDto()).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<ProductDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Products.AsNoTracking().Where(p => p.Id == id).Select(ToDto()).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    private async Task<IQueryable<Product>> FilterAsync(ProductListQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        products = query.Status switch
        {
            ProductStatusFilter.Active => products.Where(p => p.IsActive),
            ProductStatusFilter.Inactive => products.Where(p => !p.IsActive),
            _ => products,
        };
        if (query.Type is { } type) products = products.Where(p => p.Type == type);
        if (query.CategoryId is { } categoryId)
        {
            var parents = await db.ProductCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
            var categories = ProductCategoryTree.WithDescendants(parents, categoryId).ToList();
            products = products.Where(p => p.CategoryId != null && categories.Contains(p.CategoryId.Value));
        }
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var text = term.ToLowerInvariant();
            var scanned = await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == term).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(cancellationToken);
            products = scanned is { } productId
                ? products.Where(p => p.Id == productId || EF.Property<string>(p, ProductConfiguration.SearchText).Contains(text))
                : products.Where(p => EF.Property<string>(p, ProductConfiguration.SearchText).Contains(text));
        }
        return products;
    }

    private Expression<Func<Product, ProductDto>> ToDto() => p => new ProductDto
    {
        Id = p.Id,
        Code = p.Code,
        Name = p.Name,
        Specification = p.Specification,
        CategoryId = p.CategoryId,
        CategoryName = db.ProductCategories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
        Type = p.Type,
        BaseUnit = p.BaseUnit,
        UnitConversions = p.UnitConversions.OrderBy(c => c.Factor).ThenBy(c => c.UnitCode).Select(c => new UnitConversionDto(c.UnitCode, c.Factor)).ToList(),
        Barcodes = p.Barcodes.OrderBy(b => b.Code).Select(b => b.Code).ToList(),
        DefaultWarehouseId = p.DefaultWarehouseId,
        DefaultWarehouseCode = db.Warehouses.Where(w => w.Id == p.DefaultWarehouseId).Select(w => w.Code).FirstOrDefault(),
        SafetyStock = p.SafetyStock,
        ReorderPoint = p.ReorderPoint,
        ReorderQuantity = p.ReorderQuantity,
        MaximumStock = p.MaximumStock,
        LeadTimeDays = p.LeadTimeDays,
        IsBatchTracked = p.IsBatchTracked,
        ShelfLifeDays = p.ShelfLifeDays,
        ValuationMethod = p.ValuationMethod,
        StandardCost = p.StandardCost,
        SalePrice = p.SalePrice,
        TaxRateId = p.TaxRateId,
        TaxRateCode = db.TaxRates.Where(t => t.Id == p.TaxRateId).Select(t => t.Code).FirstOrDefault(),
        TaxRate = db.TaxRates.Where(t => t.Id == p.TaxRateId).Select(t => (decimal?)t.Rate).FirstOrDefault(),
        IsActive = p.IsActive,
        Version = p.Version,
    };
}

internal sealed class CatalogReferenceQueries(ErpDbContext db) : ICatalogReferenceQueries
{
    private static readonly SortMap<WarehouseLocation> LocationSorts = new SortMap<WarehouseLocation>("code", false, l => l.Id)
        .Add("code", l => l.Code)
        .Add("name", l => l.Name)
        .Add("isActive", l => l.IsActive);

    public async Task<IReadOnlyList<ProductCategoryDto>> GetCategoryTreeAsync(CancellationToken cancellationToken = default)
    {
        var categories = await db.ProductCategories.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.ParentId, c.IsActive, c.Version })
            .ToListAsync(cancellationToken);
        var direct = await db.Products.AsNoTracking().Where(p => p.CategoryId != null).GroupBy(p => p.CategoryId!.Value)
            .Select(g => new { Category = g.Key, Products = g.Count() })
            .ToDictionaryAsync(g => g.Category, g => g.Products, cancellationToken);
        var totals = ProductCategoryTree.WithDescendantTotals(categories.ToDictionary(c => c.Id, c => c.ParentId), direct);
        return ProductCategoryTree.DepthFirst(categories, c => c.Id, c => c.ParentId, c => c.Code)
            .Select(n => new ProductCategoryDto(n.Node.Id, n.Node.Code, n.Node.Name, n.Node.ParentId, n.Depth, n.Node.IsActive,
                totals.GetValueOrDefault(n.Node.Id), n.Node.Version))
            .ToList();
    }

    public async Task<IReadOnlyList<UnitOfMeasureDto>> GetUnitsAsync(CancellationToken cancellationToken = default) =>
        await db.UnitsOfMeasure.AsNoTracking().OrderBy(u => u.Code)
            .Select(u => new UnitOfMeasureDto(u.Id, u.Code, u.Name, u.DecimalPlaces, u.IsActive, u.Version))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TaxRateDto>> GetTaxRatesAsync(CancellationToken cancellationToken = default) =>
        await db.TaxRates.AsNoTracking().OrderByDescending(t => t.Rate).ThenBy(t => t.Code)
            .Select(t => new TaxRateDto(t.Id, t.Code, t.Name, t.Rate, t.IsDefault, t.IsActive, t.Version))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WarehouseDto>> GetWarehousesAsync(CancellationToken cancellationToken = default) =>
        await db.Warehouses.AsNoTracking().OrderBy(w => w.Code)
            .Select(w => new WarehouseDto(w.Id, w.Code, w.Name, w.Address, w.IsQuarantine, w.IsActive, w.IsDefault))
            .ToListAsync(cancellationToken);

    public Task<PagedResult<WarehouseLocationDto>> GetLocationsAsync(Guid warehouseId, WarehouseLocationListQuery query, CancellationToken cancellationToken = default)
    {
        var locations = db.WarehouseLocations.AsNoTracking().Where(l => l.WarehouseId == warehouseId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            locations = locations.Where(l => EF.Functions.ILike(l.Code, pattern) || EF.Functions.ILike(l.Name, pattern));
        }
        if (!query.IncludeInactive) locations = locations.Where(l => l.IsActive);
        return LocationSorts.Apply(locations, query.Sort, query.Desc).ToPageAsync(query,
            l => new WarehouseLocationDto(l.Id, l.WarehouseId, l.Code, l.Name, l.IsActive, l.Version), cancellationToken);
    }

    public Task<WarehouseLocationDto?> FindLocationAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.WarehouseLocations.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new WarehouseLocationDto(l.Id, l.WarehouseId, l.Code, l.Name, l.IsActive, l.Version))
            .FirstOrDefaultAsync(cancellationToken);
}

public static class CatalogProductQueriesRegistration
{
    /// <summary>The read side of products and the catalog's reference data.</summary>
    public static IServiceCollection AddErpCatalogProductQueries(this IServiceCollection services)
    {
        services.AddScoped<IProductQueries, ProductQueries>();
        services.AddScoped<ICatalogReferenceQueries, CatalogReferenceQueries>();
        return services;
    }
}
