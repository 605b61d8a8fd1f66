using ErpSaaS.Catalog;
using ErpSaaS.Inventory.Documents;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Inventory.Documents;

internal sealed class StockDocumentRepository(ErpDbContext db) : IStockDocumentRepository
{
    // The first key of the two-key advisory lock: "SDOC", so request-id locks never meet other modules' locks.
    private const int RequestLockSpace = 0x53444F43;

    public Task<TDocument?> FindAsync<TDocument>(Guid id, CancellationToken cancellationToken = default) where TDocument : StockDocument =>
        db.Set<TDocument>().AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        if (requestId == Guid.Empty) return null;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A form's request id must be claimed inside the transaction that saves the document.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RequestLockSpace}, hashtext({requestId.ToString()}))", cancellationToken);
        return await db.StockDocuments.Where(d => d.RequestId == requestId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public void Add(StockDocument document) => db.StockDocuments.Add(document);
}

internal sealed class StockDocumentLookups(ErpDbContext db) : IStockDocumentLookups
{
    public async Task<Product?> FindProductAsync(string codeOrBarcode, CancellationToken cancellationToken = default)
    {
        var code = codeOrBarcode.Trim().ToUpperInvariant();
        var barcode = codeOrBarcode.Trim();
        return await db.Products.FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
               ?? await db.Products.FirstOrDefaultAsync(p => db.ProductBarcodes.Any(b => b.ProductId == p.Id && b.Code == barcode), cancellationToken);
    }

    public Task<Product?> FindProductAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Warehouse?> FindWarehouseAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    public Task<WarehouseLocation?> FindLocationAsync(Guid warehouseId, string code, CancellationToken cancellationToken = default) =>
        db.WarehouseLocations.FirstOrDefaultAsync(l => l.WarehouseId == warehouseId && l.Code == code, cancellationToken);

    public Task<WarehouseLocation?> FindLocationAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.WarehouseLocations.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<IReadOnlySet<Guid>> CategoryWithDescendantsAsync(Guid categoryId, CancellationToken cancellationToken = default)
    {
        var tree = await db.ProductCategories.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
        var found = new HashSet<Guid>();
        if (tree.All(c => c.Id != categoryId)) return found;
        var pending = new Queue<Guid>([categoryId]);
        while (pending.TryDequeue(out var current))
        {
            if (!found.Add(current)) continue;
            foreach (var child in tree.Where(c => c.ParentId == current)) pending.Enqueue(child.Id);
        }
        return found;
    }
}
