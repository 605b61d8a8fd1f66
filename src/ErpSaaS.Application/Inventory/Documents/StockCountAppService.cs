using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockCountAppService(
    IPermissionChecker permissions, IStockDocumentQueries queries, IStockDocumentRepository documents, StockDocumentManager manager,
    StockDocumentPosting posting, StockDocumentActors actors, IUnitOfWork unitOfWork) : IStockCountAppService
{
    public async Task<StockCountDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindCountAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockCount), id);
    }

    public async Task<Guid> CreateAsync(StockCountInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var count = await manager.CreateCountAsync(input.RequestId, input.WarehouseId, input.LocationIds, input.CategoryId, input.Comment, actor, ct);
            return count.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, StockCountInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.ChangeCountScopeAsync(count, input.LocationIds, input.CategoryId, input.Comment, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task StartAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.StartCountAsync(count, actor, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Scans add to what is there, so they need no version: two scans of the same count one after the other both count.</summary>
    public async Task<StockCountScanResultDto> ScanAsync(Guid id, StockCountScanInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, null, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var scan = await manager.ScanAsync(count, input.Barcode, input.LocationId, input.BatchNumber, input.Quantity, actor, ct);
            return new StockCountScanResultDto(scan.Line.LineNumber, scan.Product.Code, scan.Product.Name, scan.LocationCode, scan.Line.BatchNumber, scan.Added,
                scan.Line.CountedQuantity ?? 0m, scan.Product.BaseUnit);
        }, cancellationToken);
    }

    public async Task EnterCountsAsync(Guid id, StockCountEntryInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            count.SetCounted([.. input.Lines.Select(l => (l.LineNumber, l.Counted))], actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task<int> UploadCountsAsync(Guid id, IReadOnlyList<StockCountUploadRowInput> rows, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, null, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.ApplyCountUploadAsync(count, [.. rows.Select(r => new CountUploadRow(r.Row, r.Location, r.Product, r.BatchNumber, r.Counted))], actor, ct);
            return true;
        }, cancellationToken);
        return rows.Count;
    }

    public async Task FinishCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            count.FinishCounting(actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task ResumeCountingAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            count.ResumeCounting(actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await posting.PostAsync(count, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        var (count, actor) = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            count.Cancel(actor, input.Comment);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>Authorizes, then loads the count as of the version the user saw (none for scans and uploads, which add to the latest).</summary>
    private async Task<(StockCount Count, StockDocumentActor Actor)> LoadAsync(Guid id, uint? version, CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var count = await documents.FindAsync<StockCount>(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(StockCount), id);
        if (version is { } expected) count.CheckVersion(expected);
        return (count, actor);
    }
}
