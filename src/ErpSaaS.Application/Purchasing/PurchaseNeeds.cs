using ErpSaaS.Common;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseNeeds(IPurchasingRepository repository, PurchasingManager manager, PurchasingActors actors, IUnitOfWork unitOfWork) : IPurchaseNeeds
{
    public async Task<RaisedPurchaseNeedDto> RaiseAsync(PurchaseNeedRequest request, CancellationToken cancellationToken = default)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            await repository.LockSourceAsync(request.SourceId, ct);
            var raised = await repository.GetRequisitionsRaisedForAsync(request.SourceType, request.SourceId, ct);
            if (raised.FirstOrDefault(r => r.SourceLine == request.SourceLine) is { } earlier)
            {
                return new RaisedPurchaseNeedDto(request.SourceLine, earlier.Id, earlier.Number, earlier.Status, false);
            }
            var requisition = await manager.CreateRequisitionForAsync(request.WarehouseId, request.ProductCode, request.Quantity, request.NeededBy,
                $"{request.SourceNumber} #{request.SourceLine}", request.SourceType, request.SourceId, request.SourceNumber, request.SourceLine, actor, ct);
            return new RaisedPurchaseNeedDto(request.SourceLine, requisition.Id, requisition.Number, requisition.Status, true);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RaisedPurchaseNeedDto>> GetRaisedAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default) =>
        [.. (await repository.GetRequisitionsRaisedForAsync(sourceType, sourceId, cancellationToken))
            .OrderBy(r => r.SourceLine).Select(r => new RaisedPurchaseNeedDto(r.SourceLine ?? 0, r.Id, r.Number, r.Status, false))];
}
