namespace ErpSaaS.Inventory.Documents;

public sealed class OpeningBalanceAppService(
    IStockDocumentQueries queries, StockDocumentManager manager, StockDocumentPosting posting, StockDocumentActions actions) : IOpeningBalanceAppService
{
    public Task<OpeningBalanceDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        actions.GetAsync(id, nameof(OpeningBalance), ct => queries.FindOpeningAsync(id, ct), cancellationToken);

    public Task<Guid> CreateAsync(OpeningBalanceInput input, CancellationToken cancellationToken = default) =>
        actions.CreateAsync(input.RequestId, async (actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            var opening = await manager.CreateOpeningAsync(input.RequestId, input.Comment, actor, ct);
            opening.ReplaceLines(lines, actor);
            return opening.Id;
        }, cancellationToken);

    public Task UpdateAsync(Guid id, OpeningBalanceInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<OpeningBalance>(id, input.Version, async (opening, actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            opening.ChangeComment(input.Comment, actor);
            opening.ReplaceLines(lines, actor);
        }, cancellationToken);

    public Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<OpeningBalance>(id, input.Version, (opening, actor, ct) => posting.PostAsync(opening, actor, ct), cancellationToken);

    public Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.CancelAsync<OpeningBalance>(id, input, cancellationToken);

    private Task<List<OpeningLineDetails>> ResolveAsync(IReadOnlyList<OpeningBalanceLineInput> lines, CancellationToken cancellationToken) =>
        StockLineInputs.ResolveAsync(manager, lines, (line, product, warehouseId, locationId, quantity) =>
            new OpeningLineDetails(product, warehouseId, locationId, line.BatchNumber, line.ExpiryDate, quantity, line.Unit, line.UnitCost), cancellationToken);
}
