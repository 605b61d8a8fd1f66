using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockTransferAppService(
    IPermissionChecker permissions, IFeatureChecker features, IStockDocumentQueries queries, IStockDocumentRepository documents, StockDocumentManager manager,
    StockDocumentPosting posting, StockDocumentActors actors, IUnitOfWork unitOfWork) : IStockTransferAppService
{
    public async Task<StockTransferDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindTransferAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockTransfer), id);
    }

    public async Task<Guid> CreateAsync(StockTransferInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        await CheckWarehousesAsync(input, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var lines = await ResolveAsync(input.Lines, ct);
            var transfer = await manager.CreateTransferAsync(input.RequestId, input.Comment, actor, ct);
            transfer.ReplaceLines(lines, actor);
            return transfer.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, StockTransferInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        await CheckWarehousesAsync(input, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var transfer = await LoadAsync(id, cancellationToken);
        transfer.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            transfer.ChangeComment(input.Comment, actor);
            transfer.ReplaceLines(lines, actor);
            return true;
        }, cancellationToken);
    }

    public async Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var transfer = await LoadAsync(id, cancellationToken);
        transfer.CheckVersion(input.Version);
        // A plan downgraded after the draft was saved must not move stock between warehouses any more.
        if (transfer.CrossesWarehouses) await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await posting.PostAsync(transfer, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var transfer = await LoadAsync(id, cancellationToken);
        transfer.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(_ =>
        {
            transfer.Cancel(actor, input.Comment);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>Moving between bins of one warehouse is in every plan; moving between warehouses needs multi-warehouse.</summary>
    private async Task CheckWarehousesAsync(StockTransferInput input, CancellationToken cancellationToken)
    {
        if (input.Lines.Any(l => l.FromWarehouseId is { } from && l.ToWarehouseId is { } to && from != to))
        {
            await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, cancellationToken);
        }
    }

    private async Task<List<TransferLineDetails>> ResolveAsync(IReadOnlyList<StockTransferLineInput> lines, CancellationToken cancellationToken)
    {
        StockLineRules.CheckLineCount(lines.Count);
        var details = new List<TransferLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var product = await manager.ProductAsync(line.Product, StockLineRules.Field(index, nameof(line.Product)), cancellationToken);
            var from = await manager.WarehouseAsync(line.FromWarehouseId, StockLineRules.Field(index, nameof(line.FromWarehouseId)), cancellationToken);
            var fromLocation = await manager.LocationAsync(from, line.FromLocation, StockLineRules.Field(index, nameof(line.FromLocation)), cancellationToken);
            var to = await manager.WarehouseAsync(line.ToWarehouseId, StockLineRules.Field(index, nameof(line.ToWarehouseId)), cancellationToken);
            var toLocation = await manager.LocationAsync(to, line.ToLocation, StockLineRules.Field(index, nameof(line.ToLocation)), cancellationToken);
            var quantity = StockDocumentManager.Required(line.Quantity, StockLineRules.Field(index, nameof(line.Quantity)));
            details.Add(new TransferLineDetails(product, from, fromLocation, line.BatchNumber, to, toLocation, quantity, line.Unit));
        }
        return details;
    }

    private async Task<StockTransfer> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindAsync<StockTransfer>(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockTransfer), id);
}
