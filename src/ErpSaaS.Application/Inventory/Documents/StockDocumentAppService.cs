using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockDocumentAppService(
    IPermissionChecker permissions, IStockDocumentQueries queries, IStockDocumentLookups lookups, StockDocumentManager manager) : IStockDocumentAppService
{
    public async Task<PagedResult<StockDocumentSummaryDto>> GetListAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForScreen();
        return await queries.GetListAsync(kind, query, cancellationToken);
    }

    public async Task<IReadOnlyList<StockDocumentSummaryDto>> ExportAsync(StockDocumentKind kind, StockDocumentListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        query.ClampForExport();
        return (await queries.GetListAsync(kind, query, cancellationToken)).Items;
    }

    public async Task<StockDocumentOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.GetOptionsAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BatchSuggestionDto>> SuggestBatchesAsync(BatchSuggestionQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var product = await manager.ProductAsync(query.Product, nameof(query.Product), cancellationToken);
        var warehouseId = await manager.WarehouseAsync(query.WarehouseId, nameof(query.WarehouseId), cancellationToken);
        var locationId = await manager.LocationAsync(warehouseId, query.Location, nameof(query.Location), cancellationToken);
        var baseQuantity = query.Quantity is { } quantity and > 0m ? product.ToBaseQuantity(quantity, StockLineRules.UnitOf(product, query.Unit, 0)) : (decimal?)null;
        var suggestions = await manager.SuggestBatchesAsync(product, warehouseId, locationId, baseQuantity, cancellationToken);
        var locationCodes = new Dictionary<Guid, string>();
        foreach (var id in suggestions.Select(s => s.Batch.LocationId).OfType<Guid>().Distinct())
        {
            if (await lookups.FindLocationAsync(id, cancellationToken) is { } location) locationCodes[id] = location.Code;
        }
        return [.. suggestions.Select(s => new BatchSuggestionDto(s.Batch.BatchNumber, s.Batch.LocationId is { } id ? locationCodes.GetValueOrDefault(id) : null,
            s.Batch.ExpiryDate, s.Batch.Available, s.Take, product.BaseUnit))];
    }
}
