using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;

namespace ErpSaaS.Sales;

public sealed class SalesDeliveryAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, IStockDocumentLookups lookups,
    IStockBook book, IStockLedger ledger, SalesStock stock, IUnitOfWork unitOfWork) : ISalesDeliveryAppService
{
    public async Task<PagedResult<SalesDeliverySummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForScreen();
        return await queries.GetDeliveriesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesDeliverySummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForExport();
        return (await queries.GetDeliveriesAsync(query, cancellationToken)).Items;
    }

    public async Task<SalesDeliveryDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await queries.FindDeliveryAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesDelivery), id);
    }

    public async Task<Guid> CreateAsync(SalesDeliveryInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var order = await documents.GetOrderAsync(input.OrderId, ct);
            if (!order.IsOpen) throw new BusinessException(SalesErrorCodes.OrderNotDeliverable, order.Number);
            var onDrafts = await documents.GetDraftDeliveryQuantitiesAsync(order.Id, null, ct);
            var lines = new List<DeliveryLineDetails>();
            foreach (var line in order.Lines)
            {
                var index = order.Lines.ToList().IndexOf(line);
                var asked = input.Lines.FirstOrDefault(l => l.OrderLineNumber == line.LineNumber);
                var baseQuantity = asked is null && input.Lines.Count == 0
                    ? line.ReservedQuantity - onDrafts.GetValueOrDefault(line.LineNumber)
                    : asked?.Quantity is { } quantity ? ToBase(line, quantity, index) : 0m;
                if (baseQuantity <= 0m) continue;
                lines.AddRange(await BatchesAsync(order, line, baseQuantity, index, ct));
            }
            return (await manager.CreateDeliveryAsync(input.RequestId, order, lines, input.Comment, actor, ct)).Id;
        }, cancellationToken);
    }

    public async Task<SalesScanResultDto> ScanAsync(Guid id, SalesScanInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var delivery = await LoadAsync(id, ct);
            if (string.IsNullOrWhiteSpace(input.Barcode)) throw BusinessException.ForField(nameof(input.Barcode), SalesErrorCodes.ProductRequired);
            var product = await lookups.FindProductAsync(input.Barcode.Trim(), ct)
                          ?? throw BusinessException.ForField(nameof(input.Barcode), SalesErrorCodes.BarcodeNotOnDelivery, input.Barcode.Trim(), delivery.Number);
            var line = delivery.Pick(product.Id, product.Code, input.Quantity ?? 1m, actor);
            return new SalesScanResultDto(line.LineNumber, product.Code, line.PickedQuantity, line.Quantity);
        }, cancellationToken);
    }

    /// <summary>
    /// In one transaction: the order records what shipped, each line's reservation shrinks to what is still open (so
    /// the shipped stock is no longer promised), then the ledger issues it at the current cost. An issue never takes
    /// stock reserved for other orders.
    /// </summary>
    public async Task PostAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var delivery = await LoadAsync(id, ct);
            delivery.CheckVersion(input.Version);
            var order = await documents.GetOrderAsync(delivery.OrderId, ct);
            var posting = delivery.BeginPosting(actor.At);
            foreach (var shipped in delivery.Lines.GroupBy(l => l.OrderLineNumber)) order.RecordDelivered(shipped.Key, shipped.Sum(l => l.Quantity), actor);
            foreach (var line in order.Lines.Where(l => delivery.Lines.Any(d => d.OrderLineNumber == l.LineNumber)).OrderBy(l => l.ProductId))
            {
                await stock.ReserveAsync(order, line, ct);
            }
            IReadOnlyList<PostedMovement> issued;
            try
            {
                issued = await ledger.PostAsync(posting, ct);
            }
            catch (BusinessException refused) when (refused.Field is not null)
            {
                // The ledger names its own movement list; the delivery is posted from its header, so the message goes to the summary.
                throw new BusinessException(refused.Code, [.. refused.Args]);
            }
            delivery.CompletePosting(issued, actor);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, SalesActionInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var delivery = await LoadAsync(id, ct);
            delivery.CheckVersion(input.Version);
            delivery.Cancel(actor, input.Comment);
            return true;
        }, cancellationToken);
    }

    /// <summary>The quantity typed in the order line's unit, as base units.</summary>
    private static decimal ToBase(SalesOrderLine line, decimal quantity, int index)
    {
        if (quantity < 0m) throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.QuantityMustBePositive);
        var baseQuantity = quantity * line.BaseQuantity / line.Quantity;
        if (decimal.Round(baseQuantity, SalesConsts.QuantityScale) != baseQuantity)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.QuantityTooPrecise, SalesConsts.QuantityScale);
        }
        return baseQuantity;
    }

    /// <summary>A batch-tracked product ships from its batches first to expire first (FEFO); others ship as one line.</summary>
    private async Task<IReadOnlyList<DeliveryLineDetails>> BatchesAsync(SalesOrder order, SalesOrderLine line, decimal baseQuantity, int index, CancellationToken cancellationToken)
    {
        var product = await lookups.FindProductAsync(line.ProductId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Catalog.Product), line.ProductId);
        if (!product.IsBatchTracked) return [new DeliveryLineDetails(line.LineNumber, line.ProductId, null, baseQuantity)];
        var picks = Fefo.Suggest(await book.GetBatchesAsync(product.Id, order.WarehouseId, null, cancellationToken), baseQuantity).Where(s => s.Take > 0m).ToList();
        var covered = picks.Sum(p => p.Take);
        if (covered < baseQuantity)
        {
            throw BusinessException.ForField(SalesRules.Field(index, "Quantity"), SalesErrorCodes.BatchStockShort, product.Code, baseQuantity, covered);
        }
        return [.. picks.Select(p => new DeliveryLineDetails(line.LineNumber, line.ProductId, p.Batch.BatchNumber, p.Take))];
    }

    private async Task<SalesDelivery> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await documents.FindDeliveryAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesDelivery), id);
}
