
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

    private Task<List<AdjustmentLineDetails>> ResolveAsync(IReadOnlyList<StockAdjustmentLineInput> lines, CancellationToken cancellationToken) =>
        StockLineInputs.ResolveAsync(manager, lines, (line, product, warehouseId, locationId, quantity) =>
            new AdjustmentLineDetails(product, warehouseId, locationId, line.BatchNumber, line.ExpiryDate, quantity, line.Unit, line.UnitCost), cancellationToken);
}
