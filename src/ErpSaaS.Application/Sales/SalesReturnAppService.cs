using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Permissions;

namespace ErpSaaS.Sales;

public sealed class SalesReturnAppService(
    IPermissionChecker permissions, ISalesQueries queries, ISalesRepository documents, SalesManager manager, SalesActors actors, IWarehouseRepository warehouses,
    IStockLedger ledger, SalesStock stock, IUnitOfWork unitOfWork) : ISalesReturnAppService
{
    public async Task<PagedResult<SalesReturnSummaryDto>> GetListAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForScreen();
        return await queries.GetReturnsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SalesReturnSummaryDto>> ExportAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        query.ClampForExport();
        return (await queries.GetReturnsAsync(query, cancellationToken)).Items;
    }

    public async Task<SalesReturnDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await queries.FindReturnAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(SalesReturn), id);
    }

    public async Task<IReadOnlyList<SalesPartyDto>> GetQuarantineWarehousesAsync(CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        return await queries.GetQuarantineWarehousesAsync(cancellationToken);
    }

    /// <summary>
    /// In one transaction: the return is numbered, the delivery and order count the goods back, invoiced goods are
    /// credited, and the ledger receives them at the cost they left at. What is open again on the order is back-ordered and
    /// reserved as far as stock allows (goods sent to quarantine are not available to it); the rest waits for stock.
    /// </summary>
    public async Task<Guid> CreateAsync(SalesReturnInput input, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Sales, cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await documents.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var delivery = await documents.FindDeliveryAsync(input.DeliveryId, ct) ?? throw new EntityNotFoundException(nameof(SalesDelivery), input.DeliveryId);
            var order = await documents.GetOrderAsync(delivery.OrderId, ct);
            var warehouseId = await DestinationAsync(input, delivery, ct);
            var invoices = await documents.GetDeliveryInvoicesAsync(delivery.Id, ct);
            var lines = input.Lines.Select(l => (l.DeliveryLineNumber, l.Quantity ?? 0m)).ToList();
            var salesReturn = await manager.CreateReturnAsync(input.RequestId, order, delivery, invoices, warehouseId, input.Destination, input.Reason, lines, actor, ct);
            try
            {
                await ledger.PostAsync(salesReturn.Posting(), ct);
            }
            catch (BusinessException refused) when (refused.Field is not null)
            {
                throw new BusinessException(refused.Code, [.. refused.Args]);
            }
            if (order.IsOpen)
            {
                // What came back is back-ordered on the order; it reserves what is available now, the rest waits for stock.
                var reserved = await stock.ReserveBackOrdersAsync(order, order.Lines.Where(l => salesReturn.Lines.Any(r => r.OrderLineNumber == l.LineNumber)), ct);
                order.RecordBackOrderReserved(reserved, salesReturn.Number, actor);
            }
            return salesReturn.Id;
        }, cancellationToken);
    }

    private async Task<Guid> DestinationAsync(SalesReturnInput input, SalesDelivery delivery, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(input.Destination)) throw BusinessException.ForField(nameof(input.Destination), ErrorCodes.ValueNotAllowed, input.Destination);
        if (input.Destination == SalesReturnDestination.OriginalWarehouse) return delivery.WarehouseId;
        return input.QuarantineWarehouseId is { } id && await warehouses.FindAsync(id, cancellationToken) is { IsActive: true, IsQuarantine: true }
            ? id
            : throw BusinessException.ForField(nameof(input.QuarantineWarehouseId), SalesErrorCodes.ReturnWarehouseInvalid);
    }
}
