using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;

namespace ErpSaaS.Purchasing;

public sealed class GoodsReceiptAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchasingQueries queries, IPurchasingRepository repository, PurchasingManager manager,
    PurchasingPosting posting, PurchasingActors actors, ISettingStore settings, IUnitOfWork unitOfWork) : IGoodsReceiptAppService
{
    public async Task<PagedResult<GoodsReceiptSummaryDto>> GetListAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetReceiptsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<GoodsReceiptSummaryDto>> ExportAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetReceiptsAsync(query, cancellationToken)).Items;
    }

    public async Task<GoodsReceiptDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindReceiptAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(GoodsReceipt), id);
    }

    public async Task<PagedResult<PurchaseOrderSummaryDto>> GetReceivableOrdersAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        query.ReceivableOnly = true;
        return await queries.GetOrdersAsync(query, cancellationToken);
    }

    public async Task<PurchaseOrderDto> GetOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindOrderAsync(purchaseOrderId, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseOrder), purchaseOrderId);
    }

    public async Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.GetOptionsAsync(cancellationToken);
    }

    public async Task<GoodsReceiptInput> NewForOrderAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var order = await repository.GetOrderAsync(purchaseOrderId, cancellationToken);
        if (!order.IsOpen) throw new BusinessException(PurchasingErrorCodes.OrderNotReceivable, order.Number);
        return new GoodsReceiptInput
        {
            RequestId = Guid.NewGuid(), PurchaseOrderId = order.Id,
            Lines = [.. order.Lines.Where(l => l.OpenQuantity > 0m).Select(l => new GoodsReceiptLineInput
            {
                OrderLineNumber = l.LineNumber, AcceptedQuantity = decimal.Round(l.OpenQuantity * l.Quantity / l.BaseQuantity, PurchasingConsts.QuantityScale),
            })],
        };
    }

    public async Task<Guid> CreateAsync(GoodsReceiptInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var orderId = input.PurchaseOrderId ?? throw BusinessException.ForField(nameof(input.PurchaseOrderId), PurchasingErrorCodes.OrderRequired);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var order = await repository.GetOrderAsync(orderId, ct);
            var receipt = await manager.CreateReceiptAsync(input.RequestId, order, input.QuarantineWarehouseId, input.Comment, Lines(input), actor, ct);
            return receipt.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, GoodsReceiptInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var receipt = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await repository.GetOrderAsync(receipt.PurchaseOrderId, ct);
            await manager.ChangeReceiptAsync(receipt, order, input.QuarantineWarehouseId, input.Comment, Lines(input), actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<ReceiptScanResultDto> ScanAsync(Guid id, ReceiptScanInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var receipt = await LoadAsync(id, input.Version, cancellationToken);
        var (line, product) = await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await repository.GetOrderAsync(receipt.PurchaseOrderId, ct);
            var scanned = await manager.ScanAsync(receipt, order, input.Barcode, input.Quantity, actor, ct);
            return (scanned, (await manager.ProductsAsync([scanned.ProductId], ct))[scanned.ProductId]);
        }, cancellationToken);
        var version = (await repository.FindReceiptAsync(id, cancellationToken))!.Version;
        return new ReceiptScanResultDto(product.Code, product.Name, line.LineNumber, line.AcceptedQuantity, line.Unit, version);
    }

    public async Task PostAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var receipt = await LoadAsync(id, input.Version, cancellationToken);
        var tolerance = PurchasingSettings.PercentOf(await settings.GetAsync(PurchasingSettings.OverReceiptTolerancePercent, cancellationToken));
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var order = await repository.GetOrderAsync(receipt.PurchaseOrderId, ct);
            await posting.PostAsync(receipt, order, tolerance, actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var receipt = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(_ =>
        {
            receipt.Cancel(input.Reason, actor);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.PurchasingOrReceiving, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }


    private async Task<GoodsReceipt> LoadAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var receipt = await repository.FindReceiptAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(GoodsReceipt), id);
        receipt.CheckVersion(version);
        return receipt;
    }

    private static List<GoodsReceiptLineRequest> Lines(GoodsReceiptInput input) =>
        [.. input.Lines.Select(l => new GoodsReceiptLineRequest(l.OrderLineNumber, l.AcceptedQuantity, l.RejectedQuantity, l.RejectReason, l.Disposition, l.BatchNumber, l.ExpiryDate))];
}
