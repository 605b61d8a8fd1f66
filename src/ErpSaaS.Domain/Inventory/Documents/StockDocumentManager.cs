using System.Globalization;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// Everything about stock documents that needs to look elsewhere: numbers from the company's sequences, products named
/// by code or barcode, bins named by code inside their warehouse, the book a count freezes and the scope a count covers.
/// </summary>
public sealed class StockDocumentManager(
    IStockDocumentRepository documents, IStockDocumentLookups lookups, IStockBook book, IDocumentNumberGenerator numbers)
{
    public async Task<OpeningBalance> CreateOpeningAsync(Guid requestId, string? comment, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var opening = new OpeningBalance(await numbers.NextAsync(DocumentTypes.OpeningBalance, cancellationToken), requestId, comment, actor);
        documents.Add(opening);
        return opening;
    }

    public async Task<StockTransfer> CreateTransferAsync(Guid requestId, string? comment, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var transfer = new StockTransfer(await numbers.NextAsync(DocumentTypes.StockTransfer, cancellationToken), requestId, comment, actor);
        documents.Add(transfer);
        return transfer;
    }

    public async Task<StockAdjustment> CreateAdjustmentAsync(Guid requestId, AdjustmentReason reason, string? comment, StockDocumentActor actor,
        CancellationToken cancellationToken = default)
    {
        var adjustment = new StockAdjustment(await numbers.NextAsync(DocumentTypes.StockAdjustment, cancellationToken), requestId, reason, comment, actor);
        documents.Add(adjustment);
        return adjustment;
    }

    public async Task<StockCount> CreateCountAsync(Guid requestId, Guid? warehouseId, IReadOnlyCollection<Guid> locationIds, Guid? categoryId, string? comment,
        StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var warehouse = await WarehouseAsync(warehouseId, nameof(StockCount.WarehouseId), cancellationToken);
        await CheckScopeAsync(warehouse, locationIds, categoryId, cancellationToken);
        var count = new StockCount(await numbers.NextAsync(DocumentTypes.StockCount, cancellationToken), requestId, warehouse, locationIds, categoryId, comment, actor);
        documents.Add(count);
        return count;
    }

    public async Task ChangeCountScopeAsync(StockCount count, IReadOnlyCollection<Guid> locationIds, Guid? categoryId, string? comment, StockDocumentActor actor,
        CancellationToken cancellationToken = default)
    {
        await CheckScopeAsync(count.WarehouseId, locationIds, categoryId, cancellationToken);
        count.ChangeScope(locationIds, categoryId, comment, actor);
    }

    /// <summary>Freezes what the book says is in the count's scope right now and opens the count.</summary>
    public async Task StartCountAsync(StockCount count, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var categories = count.CategoryId is { } categoryId ? await lookups.CategoryWithDescendantsAsync(categoryId, cancellationToken) : null;
        count.Start(await book.GetBookAsync(count.WarehouseId, count.LocationIds, categories, cancellationToken), actor);
    }

    /// <summary>A scanned barcode (or a typed product code) in a bin: adds one, or the quantity given, to its line.</summary>
    public async Task<CountScan> ScanAsync(StockCount count, string? barcode, Guid? locationId, string? batchNumber, decimal? quantity,
        StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        const string field = "Barcode";
        if (string.IsNullOrWhiteSpace(barcode)) throw BusinessException.ForField(field, StockDocumentErrorCodes.ProductRequired);
        var product = await lookups.FindProductAsync(barcode.Trim(), cancellationToken);
        if (product is not { IsActive: true } || !product.IsStocked)
        {
            throw BusinessException.ForField(field, StockDocumentErrorCodes.BarcodeUnknown, barcode.Trim());
        }
        WarehouseLocation? location = null;
        if (locationId is { } id && ((location = await lookups.FindLocationAsync(id, cancellationToken)) is null || location.WarehouseId != count.WarehouseId))
        {
            throw BusinessException.ForField("LocationId", StockDocumentErrorCodes.CountLocationNotInScope, count.Number);
        }
        if (!await InCategoryScopeAsync(count, product, cancellationToken))
        {
            throw BusinessException.ForField(field, StockDocumentErrorCodes.CountProductNotInScope, product.Code, count.Number);
        }
        var added = quantity ?? 1m;
        var line = count.AddCounted(product, locationId, batchNumber, added, await UnitCostIfFoundAsync(product, count.WarehouseId, cancellationToken), actor);
        return new CountScan(line, product, location?.Code, added);
    }

    /// <summary>Checks every row of an uploaded count file against the master data, then sets the counted quantities (all or nothing).</summary>
    public async Task ApplyCountUploadAsync(StockCount count, IReadOnlyList<CountUploadRow> rows, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        const string field = StockCount.UploadField;
        if (rows.Count == 0) throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadEmpty);
        var entries = new List<CountedEntry>(rows.Count);
        foreach (var row in rows)
        {
            var code = row.Product?.Trim() ?? string.Empty;
            var product = code.Length == 0 ? null : await lookups.FindProductAsync(code, cancellationToken);
            if (product is not { IsActive: true } || !product.IsStocked)
            {
                throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadRowProductUnknown, row.Row, code);
            }
            if (!await InCategoryScopeAsync(count, product, cancellationToken))
            {
                throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadRowProductNotInScope, row.Row, product.Code);
            }
            Guid? locationId = null;
            if (!string.IsNullOrWhiteSpace(row.Location))
            {
                var location = await lookups.FindLocationAsync(count.WarehouseId, row.Location.Trim().ToUpperInvariant(), cancellationToken);
                if (location is null || !count.Covers(location.Id))
                {
                    throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadRowLocationUnknown, row.Row);
                }
                locationId = location.Id;
            }
            else if (!count.Covers(null))
            {
                throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadRowLocationUnknown, row.Row);
            }
            if (!decimal.TryParse(row.Counted?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var counted))
            {
                throw BusinessException.ForField(field, StockDocumentErrorCodes.UploadRowQuantityInvalid, row.Row);
            }
            entries.Add(new CountedEntry(row.Row, product, locationId, row.BatchNumber, counted,
                await UnitCostIfFoundAsync(product, count.WarehouseId, cancellationToken)));
        }
        count.ApplyCounts(entries, actor);
    }

    /// <summary>A product named on a line: by its code or one of its barcodes, active and kept in stock.</summary>
    public async Task<Product> ProductAsync(string? codeOrBarcode, string field, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(codeOrBarcode)) throw BusinessException.ForField(field, StockDocumentErrorCodes.ProductRequired);
        var product = await lookups.FindProductAsync(codeOrBarcode.Trim(), cancellationToken);
        if (product is not { IsActive: true }) throw BusinessException.ForField(field, StockDocumentErrorCodes.ProductUnknown, codeOrBarcode.Trim());
        if (!product.IsStocked) throw BusinessException.ForField(field, StockDocumentErrorCodes.ProductNotStocked, product.Code);
        return product;
    }

    public async Task<Guid> WarehouseAsync(Guid? warehouseId, string field, CancellationToken cancellationToken = default)
    {
        if (warehouseId is not { } id) throw BusinessException.ForField(field, StockDocumentErrorCodes.WarehouseRequired);
        if (await lookups.FindWarehouseAsync(id, cancellationToken) is not { IsActive: true }) throw BusinessException.ForField(field, StockDocumentErrorCodes.WarehouseUnknown);
        return id;
    }

    /// <summary>A bin named by code inside <paramref name="warehouseId"/>; none when the code is empty.</summary>
    public async Task<Guid?> LocationAsync(Guid warehouseId, string? code, string field, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = code.Trim().ToUpperInvariant();
        var location = await lookups.FindLocationAsync(warehouseId, normalized, cancellationToken);
        if (location is not { IsActive: true }) throw BusinessException.ForField(field, StockDocumentErrorCodes.LocationUnknown, normalized);
        return location.Id;
    }

    /// <summary>The batches of a product a form suggests for an issue, first to expire first.</summary>
    public async Task<IReadOnlyList<BatchSuggestion>> SuggestBatchesAsync(Product product, Guid warehouseId, Guid? locationId, decimal? baseQuantity,
        CancellationToken cancellationToken = default) =>
        product.IsBatchTracked ? Fefo.Suggest(await book.GetBatchesAsync(product.Id, warehouseId, locationId, cancellationToken), baseQuantity) : [];

    public static decimal Required(decimal? value, string field) =>
        value ?? throw BusinessException.ForField(field, StockDocumentErrorCodes.QuantityRequired);

    private async Task<decimal> UnitCostIfFoundAsync(Product product, Guid warehouseId, CancellationToken cancellationToken) =>
        await book.GetAverageUnitCostAsync(product.Id, warehouseId, cancellationToken) ?? product.StandardCost;

    private async Task<bool> InCategoryScopeAsync(StockCount count, Product product, CancellationToken cancellationToken) =>
        count.CategoryId is not { } categoryId
        || (product.CategoryId is { } productCategory && (await lookups.CategoryWithDescendantsAsync(categoryId, cancellationToken)).Contains(productCategory));

    private async Task CheckScopeAsync(Guid warehouseId, IReadOnlyCollection<Guid> locationIds, Guid? categoryId, CancellationToken cancellationToken)
    {
        foreach (var locationId in locationIds)
        {
            if (await lookups.FindLocationAsync(locationId, cancellationToken) is not { IsActive: true } location || location.WarehouseId != warehouseId)
            {
                throw BusinessException.ForField(nameof(StockCount.LocationIds), StockDocumentErrorCodes.LocationUnknown, locationId);
            }
        }
        if (categoryId is { } id && (await lookups.CategoryWithDescendantsAsync(id, cancellationToken)).Count == 0)
        {
            throw BusinessException.ForField(nameof(StockCount.CategoryId), StockDocumentErrorCodes.CategoryUnknown);
        }
    }
}

/// <summary>One row of an uploaded count file as read (1-based row number, values as text).</summary>
public sealed record CountUploadRow(int Row, string? Location, string? Product, string? BatchNumber, string? Counted);

/// <summary>What a scan did: the line it counted on, its product and bin, and how much it added.</summary>
public sealed record CountScan(StockCountLine Line, Product Product, string? LocationCode, decimal Added);
