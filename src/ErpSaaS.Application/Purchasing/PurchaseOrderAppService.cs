using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseOrderAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchasingQueries queries, IPurchasingRepository repository, PurchasingManager manager,
    PurchasingPosting posting, PurchasingActors actors, IApprovalRequests approvals, ICurrencyConverter currencies, IUnitOfWork unitOfWork)
    : IPurchaseOrderAppService
{
    public async Task<PagedResult<PurchaseOrderSummaryDto>> GetListAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetOrdersAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<PurchaseOrderSummaryDto>> ExportAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForExport();
        return (await queries.GetOrdersAsync(query, cancellationToken)).Items;
    }

    public async Task<PurchaseOrderDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseOrder), id);
    }

    public async Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.GetOptionsAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(PurchaseOrderInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.ClaimRequestAsync(input.RequestId, ct) is { } earlier) return earlier;
            var order = await manager.CreateOrderAsync(input.RequestId, input.SupplierId, input.WarehouseId, input.Comment, Lines(input), actor, ct);
            return order.Id;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Guid id, PurchaseOrderInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await manager.ChangeOrderAsync(order, input.WarehouseId, input.Comment, Lines(input), actor, ct);
            return true;
        }, cancellationToken);
    }

    public async Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            order.Submit(actor);
            var supplier = await manager.SupplierAsync(order.SupplierId, ct);
            // Flows set their thresholds in the company's currency (approve above ¥50,000), so the amount is converted.
            var amount = await currencies.ToBaseAsync(order.TotalAmount, order.CurrencyCode, actor.Today, ct);
            var result = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocumentType.PurchaseOrder, order.Id, order.Number,
                $"{supplier.Code} {supplier.Name} · {order.CurrencyCode} {order.TotalAmount:N2}", $"/app/purchasing/orders/{order.Id}",
                new ApprovalFacts(Amount: amount, WarehouseId: order.WarehouseId)), ct);
            if (result == ApprovalSubmissionResult.Approved)
            {
                order.Approve(actor);
                await posting.ExpectAsync(order, ct);
            }
            return true;
        }, cancellationToken);
    }

    public Task MarkSentAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, input.Version, (order, actor) => order.MarkSent(actor), cancellationToken);

    public async Task ConfirmDateAsync(Guid id, ConfirmDateInput input, CancellationToken cancellationToken = default)
    {
        var date = input.ConfirmedDate ?? throw BusinessException.ForField(nameof(input.ConfirmedDate), PurchasingErrorCodes.ConfirmedDateRequired);
        await ChangeAsync(id, input.Version, (order, actor) => order.ConfirmDate(date, input.LineNumber, actor), cancellationToken);
    }

    public async Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, input.Version, cancellationToken);
        var wasPending = order.Status == PurchaseOrderStatus.PendingApproval;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            order.Cancel(input.Reason, actor);
            if (wasPending) await approvals.WithdrawAsync(ApprovalDocumentType.PurchaseOrder, order.Id, ct);
            await posting.ExpectAsync(order, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<Guid> AmendAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, input.Version, cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var replacement = await manager.AmendOrderAsync(order, input.Reason, actor, ct);
            // The cancelled original no longer counts as on order; its copy will once approved.
            await posting.ExpectAsync(order, ct);
            return replacement.Id;
        }, cancellationToken);
    }

    public Task CloseAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, input.Version, (order, actor) => order.Close(input.Reason, actor), cancellationToken);

    /// <summary>A status change of an approved order; what it still expects follows (a confirmed date moves it, a close ends it).</summary>
    private async Task ChangeAsync(Guid id, uint version, Action<PurchaseOrder, PurchasingActor> change, CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var order = await LoadAsync(id, version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            change(order, actor);
            await posting.ExpectAsync(order, ct);
            return true;
        }, cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }

    private async Task<PurchaseOrder> LoadAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var order = await repository.GetOrderAsync(id, cancellationToken);
        order.CheckVersion(version);
        return order;
    }

    private static List<PurchaseOrderLineRequest> Lines(PurchaseOrderInput input) =>
        [.. input.Lines.Select(l => new PurchaseOrderLineRequest(l.Product, l.Quantity, l.Unit, l.UnitPrice, l.TaxRateId, l.ExpectedDate))];
}
