using ErpSaaS.EntityFrameworkCore.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ErpSaaS.EntityFrameworkCore.Catalog;

/// <summary>
/// The current company's products a search text matches by code, name (case-insensitive substring) or barcode (exact),
/// in code order. A common word matches thousands of products and finding them is a pass over the whole catalog, so
/// the answer is remembered until the catalog changes: PostgreSQL draws the company a new catalog stamp whenever a
/// transaction that changed a product's code, name or specification, or a barcode, commits (migration 0036). Paging
/// through a search, sorting it or narrowing it to a warehouse then finds its products once.
/// </summary>
internal sealed class ProductSearch(ErpDbContext db, ProductSearchMemory memory)
{
    public async Task<IReadOnlyList<Guid>> MatchingAsync(string search, CancellationToken cancellationToken = default)
    {
        if (db.CurrentTenantId is not { } tenantId) return await FindAsync(search, cancellationToken);
        // The stamp is read before the products. A change committed in between is then in the list but not in the
        // remembered stamp, so the next search looks again; a list older than its stamp cannot happen.
        var stamp = await db.Database.SqlQuery<Guid>($"SELECT stamp AS \"Value\" FROM catalog_stamps WHERE tenant_id = {tenantId}")
            .FirstOrDefaultAsync(cancellationToken);
        var key = new ProductSearchMemory.Key(tenantId, search.Trim());
        if (memory.Find(key, stamp) is { } remembered) return remembered;
        var found = await FindAsync(search, cancellationToken);
        memory.Remember(key, stamp, found);
        return found;
    }

    private async Task<Guid[]> FindAsync(string search, CancellationToken cancellationToken)
    {
        // The catalog's stored lower-case search text holds code and name: a plain substring test on it passes every
        // product the case-insensitive match could (and a few more, which that match then drops), at a third of its
        // cost. The walk goes through the (tenant, code) index, which carries every column used here (migration 0035).
        var pattern = Paging.Contains(search);
        var barcode = search.Trim();
        var text = barcode.ToLowerInvariant();
        var scanned = db.ProductBarcodes.Where(c => c.Code == barcode).Select(c => c.ProductId);
        return await db.Products.IgnoreAutoIncludes()
            .Where(p => (EF.Property<string>(p, ProductConfiguration.SearchText).Contains(text)
                         && (EF.Functions.ILike(p.Code, pattern) || EF.Functions.ILike(p.Name, pattern)))
                        || scanned.Contains(p.Id))
            .OrderBy(p => p.Code).Select(p => p.Id).ToArrayAsync(cancellationToken);
    }
}

/// <summary>Recent searches' products per company and search text, with the catalog stamp they were found under; bounded.</summary>
internal sealed class ProductSearchMemory : IDisposable
{
    /// <summary>At most this many product ids (16 bytes each) are remembered over all searches.</summary>
    public const long ProductIdLimit = 2_000_000;

    private readonly MemoryCache searches = new(new MemoryCacheOptions { SizeLimit = ProductIdLimit });

    public readonly record struct Key(Guid TenantId, string Search);

    private sealed record Entry(Guid Stamp, Guid[] Products);

    public Guid[]? Find(Key key, Guid stamp) =>
        searches.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp ? entry.Products : null;

    public void Remember(Key key, Guid stamp, Guid[] products) =>
        searches.Set(key, new Entry(stamp, products), new MemoryCacheEntryOptions { Size = products.Length + 1, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => searches.Dispose();
}
