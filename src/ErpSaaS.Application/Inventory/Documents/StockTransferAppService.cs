using ErpSaaS.Features;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockTransferAppService(
    IFeatureChecker features, IStockDocumentQueries queries, StockDocumentManager manager, StockDocumentPosting posting, StockDocumentActions actions)
    : IStockTransferAppService
{
    public Task<StockTransferDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        actions.GetAsync(id, nameof(StockTransfer), ct => queries.FindTransferAsync(id, ct), cancellationToken);

    public Task<Guid> CreateAsync(StockTransferInput input, CancellationToken cancellationToken = default) =>
        actions.CreateAsync(input.RequestId, async (actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            var transfer = await manager.CreateTransferAsync(input.RequestId, input.Comment, actor, ct);
            transfer.ReplaceLines(lines, actor);
            return transfer.Id;
        }, cancellationToken, ct => CheckWarehousesAsync(input, ct));

    public Task UpdateAsync(Guid id, StockTransferInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockTransfer>(id, input.Version, async (transfer, actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            transfer.ChangeComment(input.Comment, actor);
            transfer.ReplaceLines(lines, actor);
        }, cancellationToken, ct => CheckWarehousesAsync(input, ct));

    public Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockTransfer>(id, input.Version, async (transfer, actor, ct) =>
        {
            // A plan downgraded after the draft was saved must not move stock between warehouses any more.
            if (transfer.CrossesWarehouses) await features.CheckEnabledAsync(ErpFeatures.MultiWarehouse, ct);
            await posting.PostAsync(transfer, actor, ct);
        }, cancellationToken);

    public Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.CancelAsync<StockTransfer>(id, input, cancellationToken);

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
}
