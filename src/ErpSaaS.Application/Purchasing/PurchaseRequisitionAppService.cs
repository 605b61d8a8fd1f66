using ErpSaaS.Approvals;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Inventory.Alerts;
using ErpSaaS.Permissions;

namespace ErpSaaS.Purchasing;

public sealed class PurchaseRequisitionAppService(
    IPermissionChecker permissions, IFeatureChecker features, IPurchasingQueries queries, IPurchasingRepository repository, PurchasingManager manager,
    PurchasingActors actors, IApprovalRequests approvals, IReplenishmentSuggestions suggestions, IUnitOfWork unitOfWork) : IPurchaseRequisitionAppService
{
    public async Task<PagedResult<PurchaseRequisitionSummaryDto>> GetListAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        query.ClampForScreen();
        return await queries.GetRequisitionsAsync(query, cancellationToken);
    }

    public async Task<PurchaseRequisitionDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        return await queries.FindRequisitionAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseRequisition), id);
    }

    public async Task<Guid> CreateAsync(PurchaseRequisitionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var lines = input.Lines.Select(l => (l.Product, l.Quantity, l.NeededBy, l.Reason)).ToList();
        return await CreateAsync(input.RequestId, input.WarehouseId, input.Comment, lines, cancellationToken);
    }

    /// <summary>One click from the replenishment suggestions: each chosen product at its suggested quantity, needed within its lead time.</summary>
    public async Task<Guid> CreateFromSuggestionsAsync(RequisitionFromSuggestionsInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var chosen = input.ProductIds.Count == 0 ? [] : await suggestions.GetForProductsAsync(input.ProductIds, cancellationToken);
        if (chosen.Count == 0) throw BusinessException.ForField(nameof(input.ProductIds), PurchasingErrorCodes.NoSuggestionsChosen);
        var lines = chosen.Select(s => ((string?)s.ProductCode, (decimal?)s.SuggestedQuantity, (DateOnly?)null, (string?)null)).ToList();
        return await CreateAsync(input.RequestId, input.WarehouseId, null, lines, cancellationToken);
    }

    public async Task SubmitAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var requisition = await LoadAsync(id, input.Version, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            requisition.Submit(actor);
            var result = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocumentType.PurchaseRequisition, requisition.Id, requisition.Number,
                $"{requisition.Lines.Count} × {requisition.Comment}".TrimEnd(' ', '×'), $"/app/purchasing/requisitions/{requisition.Id}",
                new ApprovalFacts(WarehouseId: requisition.WarehouseId)), ct);
            if (result == ApprovalSubmissionResult.Approved) requisition.Approve(actor);
            return true;
        }, cancellationToken);
    }

    public async Task CancelAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var requisition = await LoadAsync(id, input.Version, cancellationToken);
        var wasPending = requisition.Status == PurchaseRequisitionStatus.PendingApproval;
        await unitOfWork.InTransactionAsync(async ct =>
        {
            requisition.Cancel(input.Reason, actor);
            if (wasPending) await approvals.WithdrawAsync(ApprovalDocumentType.PurchaseRequisition, requisition.Id, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<RequisitionConversionDto> ConvertAsync(Guid id, PurchasingActionInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(cancellationToken);
        var actor = await actors.CurrentAsync(cancellationToken);
        var requisition = await LoadAsync(id, input.Version, cancellationToken);
        var conversion = await unitOfWork.InTransactionAsync(ct => manager.ConvertAsync(requisition, actor, ct), cancellationToken);
        var orders = new List<PurchasingOptionDto>();
        foreach (var order in conversion.Orders)
        {
            var supplier = await manager.SupplierAsync(order.SupplierId, cancellationToken);
            orders.Add(new PurchasingOptionDto(order.Id, order.Number, supplier.Name));
        }
        return new RequisitionConversionDto(orders, conversion.ProductsWithoutSupplier);
    }

    private async Task<Guid> CreateAsync(Guid requestId, Guid? warehouseId, string? comment, List<(string? Product, decimal? Quantity, DateOnly? NeededBy, string? Reason)> lines,
        CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async ct =>
        {
            if (await repository.ClaimRequestAsync(requestId, ct) is { } earlier) return earlier;
            return (await manager.CreateRequisitionAsync(requestId, warehouseId, comment, lines, actor, ct)).Id;
        }, cancellationToken);
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await permissions.CheckAsync(ErpPermissions.Trading.Purchasing, cancellationToken);
        await features.CheckEnabledAsync(ErpFeatures.Trading, cancellationToken);
    }

    private async Task<PurchaseRequisition> LoadAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var requisition = await repository.FindRequisitionAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseRequisition), id);
        requisition.CheckVersion(version);
        return requisition;
    }
}

/// <summary>Purchasing's side of the approval engine for requisitions: approved, or back to draft with the reason on the timeline.</summary>
public sealed class PurchaseRequisitionApprovalHandler(IPurchasingRepository repository, PurchasingActors actors) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.PurchaseRequisition;

    public async Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        (await LoadAsync(decision, cancellationToken)).Approve(await actors.OfAsync(decision, cancellationToken), decision.Comment);

    public async Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        (await LoadAsync(decision, cancellationToken)).Reject(await actors.OfAsync(decision, cancellationToken), decision.Comment);

    private async Task<PurchaseRequisition> LoadAsync(ApprovalDecision decision, CancellationToken cancellationToken) =>
        await repository.FindRequisitionAsync(decision.DocumentId, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseRequisition), decision.DocumentId);
}
