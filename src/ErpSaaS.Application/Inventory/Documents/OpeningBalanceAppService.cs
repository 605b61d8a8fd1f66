using ErpSaaS.Common;
using ErpSaaS.Permissions;

namespace ErpSaaS.Inventory.Documents;

public sealed class OpeningBalanceAppService(
    IPermissionChecker permissions, IStockDocumentQueries queries, IStockDocumentRepository documents, StockDocumentManager manager,
    StockDocumentPosting posting, StockDocumentActors actors, IUnitOfWork unitOfWork) : IOpeningBalanceAppService
{
    public async Task<OpeningBalanceDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        return await queries.FindOpeningAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(OpeningBalance), id);
    }

    public async Task<Guid> CreateAsync(OpeningBalanceInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var lines = await ResolveAsync(input.Lines, ct);
            var opening = await manager.CreateOpeningAsync(input.RequestId, input.Comment, actor, ct);
            opening.ReplaceLines(lines, actor);
            return opening.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, OpeningBalanceInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var opening = await LoadAsync(id, cancellationToken);
        opening.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            opening.ChangeComment(input.Comment, actor);
            opening.ReplaceLines(lines, actor);
            return true;
        }, cancellationToken);
    }

    public async Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var opening = await LoadAsync(id, cancellationToken);
        opening.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await posting.PostAsync(opening, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Inventory, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var opening = await LoadAsync(id, cancellationToken);
        opening.CheckVersion(input.Version);
        await unitOfWork.InTransactionAsync(_ =>
        {
            opening.Cancel(actor, input.Comment);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task<List<OpeningLineDetails>> ResolveAsync(IReadOnlyList<OpeningBalanceLineInput> lines, CancellationToken cancellationToken)
    {
        StockLineRules.CheckLineCount(lines.Count);
        var details = new List<OpeningLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var product = await manager.ProductAsync(line.Product, StockLineRules.Field(index, nameof(line.Product)), cancellationToken);
            var warehouseId = await manager.WarehouseAsync(line.WarehouseId, StockLineRules.Field(index, nameof(line.WarehouseId)), cancellationToken);
            var locationId = await manager.LocationAsync(warehouseId, line.Location, StockLineRules.Field(index, nameof(line.Location)), cancellationToken);
            var quantity = StockDocumentManager.Required(line.Quantity, StockLineRules.Field(index, nameof(line.Quantity)));
            details.Add(new OpeningLineDetails(product, warehouseId, locationId, line.BatchNumber, line.ExpiryDate, quantity, line.Unit, line.UnitCost));
        }
        return details;
    }

    private async Task<OpeningBalance> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindAsync<OpeningBalance>(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(OpeningBalance), id);
}
