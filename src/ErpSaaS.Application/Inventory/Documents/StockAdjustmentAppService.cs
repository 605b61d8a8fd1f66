
namespace ErpSaaS.Inventory.Documents;

public sealed class StockAdjustmentAppService(
    IStockDocumentQueries queries, StockDocumentManager manager, StockDocumentPosting posting, StockDocumentActions actions) : IStockAdjustmentAppService
{
    public Task<StockAdjustmentDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        actions.GetAsync(id, nameof(StockAdjustment), ct => queries.FindAdjustmentAsync(id, ct), cancellationToken);

    public Task<Guid> CreateAsync(StockAdjustmentInput input, CancellationToken cancellationToken = default) =>
        actions.CreateAsync(input.RequestId, async (actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            var adjustment = await manager.CreateAdjustmentAsync(input.RequestId, input.Reason, input.Comment, actor, ct);
            adjustment.Revise(input.Reason, input.Comment, lines, actor);
            return adjustment.Id;
        }, cancellationToken);

    public Task UpdateAsync(Guid id, StockAdjustmentInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockAdjustment>(id, input.Version,
            async (adjustment, actor, ct) => adjustment.Revise(input.Reason, input.Comment, await ResolveAsync(input.Lines, ct), actor), cancellationToken);

    public Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockAdjustment>(id, input.Version, (adjustment, actor, ct) => posting.PostAsync(adjustment, actor, ct), cancellationToken);

    public Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.CancelAsync<StockAdjustment>(id, input, cancellationToken);

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
}
