using ErpSaaS.Catalog;

namespace ErpSaaS.Inventory.Documents;

/// <summary>Stock documents of the current tenant, loaded whole (lines and timeline).</summary>
public interface IStockDocumentRepository
{
    Task<TDocument?> FindAsync<TDocument>(Guid id, CancellationToken cancellationToken = default) where TDocument : StockDocument;

    /// <summary>
    /// The document an earlier submit of the same form created, if any. Call inside the saving transaction: it holds a
    /// lock on the request id until commit, so two submits racing each other create one document, not two.
    /// </summary>
    Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default);

    void Add(StockDocument document);
}

/// <summary>The master data a document line names by code: products by code or barcode, bins by code in their warehouse.</summary>
public interface IStockDocumentLookups
{
    Task<Product?> FindProductAsync(string codeOrBarcode, CancellationToken cancellationToken = default);
    Task<Product?> FindProductAsync(Guid id, CancellationToken cancellationToken = default);
    Task<Warehouse?> FindWarehouseAsync(Guid id, CancellationToken cancellationToken = default);
    Task<WarehouseLocation?> FindLocationAsync(Guid warehouseId, string code, CancellationToken cancellationToken = default);
    Task<WarehouseLocation?> FindLocationAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A category and everything under it.</summary>
    Task<IReadOnlySet<Guid>> CategoryWithDescendantsAsync(Guid categoryId, CancellationToken cancellationToken = default);
}

/// <summary>What the documents read from the stock balances: the book to freeze, batches to suggest, average costs.</summary>
public interface IStockBook
{
    /// <summary>
    /// Every (product, bin, batch) with stock on hand in the warehouse right now, optionally only in some bins or of some
    /// categories, with the average cost of one base unit; ordered by bin, product code and batch.
    /// </summary>
    Task<IReadOnlyList<BookQuantity>> GetBookAsync(Guid warehouseId, IReadOnlyCollection<Guid> locationIds, IReadOnlySet<Guid>? categoryIds,
        CancellationToken cancellationToken = default);

    /// <summary>The batches of a product with stock available in the warehouse (any bin, or one bin).</summary>
    Task<IReadOnlyList<AvailableBatch>> GetBatchesAsync(Guid productId, Guid warehouseId, Guid? locationId, CancellationToken cancellationToken = default);

    /// <summary>The expiry date each of the product's batches was received with.</summary>
    Task<IReadOnlyDictionary<string, DateOnly?>> GetBatchExpiriesAsync(Guid productId, IReadOnlyCollection<string> batchNumbers,
        CancellationToken cancellationToken = default);

    /// <summary>The current average cost of one base unit of the product in the warehouse; null when it was never in stock.</summary>
    Task<decimal?> GetAverageUnitCostAsync(Guid productId, Guid warehouseId, CancellationToken cancellationToken = default);
}
