using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockAdjustmentAppService(
    IPermissionChecker permissions, IStockDocumentQueries queries, IStockDocumentRepository documents, StockDocumentManager manager,
    StockDocumentPosting posting, StockDocumentActors actors, IUnitOfWork unitOfWork) : IStockAdjustmentAppService
{
    public async Task<StockAdjustmentDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindAdjustmentAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockAdjustment), id);
    }

    public async Task<Guid> CreateAsync(StockAdjustmentInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var lines = await ResolveAsync(input.Lines, ct);
            var adjustment = await manager.CreateAdjustmentAsync(input.RequestId, input.Reason, input.Comment, actor, ct);
            adjustment.Revise(input.Reason, input.Comment, lines, actor);
            return adjustment.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, StockAdjustmentInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var adjustment = await LoadAsync(id, cancellationToken);
        adjustment.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            adjustment.Revise(input.Reason, input.Comment, await ResolveAsync(input.Lines, ct), actor);
            return true;
        }, cancellationToken);
    }

    public async Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var adjustment = await LoadAsync(id, cancellationToken);
        adjustment.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await posting.PostAsync(adjustment, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var adjustment = await LoadAsync(id, cancellationToken);
        adjustment.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(_ =>
        {
            adjustment.Cancel(actor, input.Comment);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<List<AdjustmentLineDetails>> ResolveAsync(IReadOnlyList<StockAdjustmentLineInput> lines, CancellationToken cancellationToken)
    {
        StockLineRules.CheckLineCount(lines.Count);
        var details = new List<AdjustmentLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var product = await manager.ProductAsync(line.Product, StockLineRules.Field(index, nameof(line.Product)), cancellationToken);
            var warehouseId = await manager.WarehouseAsync(line.WarehouseId, StockLineRules.Field(index, nameof(line.WarehouseId)), cancellationToken);
            var locationId = await manager.LocationAsync(warehouseId, line.Location, StockLineRules.Field(index, nameof(line.Location)), cancellationToken);
            var quantity = StockDocumentManager.Required(line.Quantity, StockLineRules.Field(index, nameof(line.Quantity)));
            details.Add(new AdjustmentLineDetails(product, warehouseId, locationId, line.BatchNumber, line.ExpiryDate, quantity, line.Unit, line.UnitCost));
        }
        return details;
    }

    private async Task<StockAdjustment> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindAsync<StockAdjustment>(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockAdjustment), id);
}
