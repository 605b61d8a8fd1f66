using ErpSaaS.Catalog;
using ErpSaaS.ImportExport;
using ErpSaaS.ImportExport.Inventory;
using ErpSaaS.Inventory.Documents;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.ImportExport;

internal sealed class InventoryImportQueries(ErpDbContext db) : IInventoryImportQueries
{
    public async Task<IReadOnlyDictionary<string, Product>> GetProductsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyList<LocationReference>> GetLocationsAsync(IReadOnlyCollection<Guid> warehouseIds, CancellationToken cancellationToken) =>
        await db.WarehouseLocations.AsNoTracking().Where(l => warehouseIds.Contains(l.WarehouseId))
            .Select(l => new LocationReference(l.Id, l.WarehouseId, l.Code, l.IsActive)).ToListAsync(cancellationToken);

    public async Task<ImportDocumentDto?> FindOpeningAsync(Guid requestId, CancellationToken cancellationToken) =>
        await db.StockDocuments.AsNoTracking().IgnoreAutoIncludes().Where(d => d.Kind == StockDocumentKind.Opening && d.RequestId == requestId)
            .Select(d => new ImportDocumentDto(OpeningStockDocument, d.Id, d.Number)).FirstOrDefaultAsync(cancellationToken);

    private const string OpeningStockDocument = ErpSaaS.ImportExport.Inventory.OpeningStockImportKind.OpeningBalanceDocument;
}
