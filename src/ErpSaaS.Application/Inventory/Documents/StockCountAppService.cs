namespace ErpSaaS.Inventory.Documents;

public sealed class StockCountAppService(
    IStockDocumentQueries queries, StockDocumentManager manager, StockDocumentPosting posting, StockDocumentActions actions) : IStockCountAppService
{
    public Task<StockCountDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        actions.GetAsync(id, nameof(StockCount), ct => queries.FindCountAsync(id, ct), cancellationToken);

    public Task<Guid> CreateAsync(StockCountInput input, CancellationToken cancellationToken = default) =>
        actions.CreateAsync(input.RequestId, async (actor, ct) =>
            (await manager.CreateCountAsync(input.RequestId, input.WarehouseId, input.LocationIds, input.CategoryId, input.Comment, actor, ct)).Id,
            cancellationToken);

    public Task UpdateAsync(Guid id, StockCountInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version,
            (count, actor, ct) => manager.ChangeCountScopeAsync(count, input.LocationIds, input.CategoryId, input.Comment, actor, ct), cancellationToken);

    public Task StartAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version, (count, actor, ct) => manager.StartCountAsync(count, actor, ct), cancellationToken);

    /// <summary>Scans add to what is there, so they need no version: two scans of the same count one after the other both count.</summary>
    public Task<StockCountScanResultDto> ScanAsync(Guid id, StockCountScanInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount, StockCountScanResultDto>(id, null, async (count, actor, ct) =>
        {
            var scan = await manager.ScanAsync(count, input.Barcode, input.LocationId, input.BatchNumber, input.Quantity, actor, ct);
            return new StockCountScanResultDto(scan.Line.LineNumber, scan.Product.Code, scan.Product.Name, scan.LocationCode, scan.Line.BatchNumber, scan.Added,
                scan.Line.CountedQuantity ?? 0m, scan.Product.BaseUnit);
        }, cancellationToken);

    public Task EnterCountsAsync(Guid id, StockCountEntryInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version, (count, actor) => count.SetCounted([.. input.Lines.Select(l => (l.LineNumber, l.Counted))], actor),
            cancellationToken);

    /// <summary>An uploaded sheet adds to the latest counts, like scans: no version.</summary>
    public async Task<int> UploadCountsAsync(Guid id, IReadOnlyList<StockCountUploadRowInput> rows, CancellationToken cancellationToken = default)
    {
        await actions.ChangeAsync<StockCount>(id, null, (count, actor, ct) =>
            manager.ApplyCountUploadAsync(count, [.. rows.Select(r => new CountUploadRow(r.Row, r.Location, r.Product, r.BatchNumber, r.Counted))], actor, ct),
            cancellationToken);
        return rows.Count;
    }

    public Task FinishCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version, (count, actor) => count.FinishCounting(actor), cancellationToken);

    public Task ResumeCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version, (count, actor) => count.ResumeCounting(actor), cancellationToken);

    public Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockCount>(id, input.Version, (count, actor, ct) => posting.PostAsync(count, actor, ct), cancellationToken);

    public Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.CancelAsync<StockCount>(id, input, cancellationToken);
}
