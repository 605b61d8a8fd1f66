using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using ErpSaaS.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Inventory.Documents;

public sealed class StockAdjustmentAppService(
    IStockDocumentQueries queries, StockDocumentManager manager, StockDocumentPosting posting, StockDocumentActions actions, StockAdjustmentApprovals approvals)
    : IStockAdjustmentAppService
{
    public Task<StockAdjustmentDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        actions.GetAsync(id, nameof(StockAdjustment), ct => queries.FindAdjustmentAsync(id, ct), cancellationToken);

    public Task<Guid> CreateAsync(StockAdjustmentInput input, CancellationToken cancellationToken = default) =>
        actions.CreateAsync(input.RequestId, async (actor, ct) =>
        {
            var lines = await ResolveAsync(input.Lines, ct);
            var adjustment = await manager.CreateAdjustmentAsync(input.RequestId, input.Reason, input.Comment, actor, ct);
            adjustment.Revise(input.Reason, input.Comment, lines, actor);
            return adjustment.Id;
        }, cancellationToken);

    public Task UpdateAsync(Guid id, StockAdjustmentInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockAdjustment>(id, input.Version,
            async (adjustment, actor, ct) => adjustment.Revise(input.Reason, input.Comment, await ResolveAsync(input.Lines, ct), actor), cancellationToken);

    /// <summary>
    /// Submits the draft to the company's stock adjustment flow: approved at once (no step applies) it posts now;
    /// otherwise it waits, unposted, and posts when its last step approves.
    /// </summary>
    public Task PostAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockAdjustment>(id, input.Version, async (adjustment, actor, ct) =>
        {
            adjustment.CheckPostable();
            if (await approvals.SubmitAsync(adjustment, ct) == ApprovalSubmissionResult.Approved) await posting.PostAsync(adjustment, actor, cancellationToken: ct);
            else adjustment.AwaitApproval(actor);
        }, cancellationToken);

    /// <summary>Cancels a draft, or one waiting for approval (its request leaves the approvers' inboxes).</summary>
    public Task CancelAsync(Guid id, StockDocumentActionInput input, CancellationToken cancellationToken = default) =>
        actions.ChangeAsync<StockAdjustment>(id, input.Version, async (adjustment, actor, ct) =>
        {
            var wasPending = adjustment.Status == StockDocumentStatus.PendingApproval;
            adjustment.Cancel(actor, input.Comment);
            if (wasPending) await approvals.WithdrawAsync(adjustment, ct);
        }, cancellationToken);

    private Task<List<AdjustmentLineDetails>> ResolveAsync(IReadOnlyList<StockAdjustmentLineInput> lines, CancellationToken cancellationToken) =>
        StockLineInputs.ResolveAsync(manager, lines, (line, product, warehouseId, locationId, quantity) =>
            new AdjustmentLineDetails(product, warehouseId, locationId, line.BatchNumber, line.ExpiryDate, quantity, line.Unit, line.UnitCost), cancellationToken);
}

/// <summary>
/// Puts stock adjustments through the approval engine (document type StockAdjustment). The amount a flow's condition
/// compares is the adjustment's absolute value in the company's currency: Σ |quantity| × unit cost over its lines, at
/// the cost entered for stock coming in, else the current average cost (the ledger's valuation pool), else the
/// product's standard cost; the warehouse is every warehouse its lines lie in. The engine is resolved only when an
/// adjustment is submitted: its decisions call back into this module (the handler below).
/// </summary>
public sealed class StockAdjustmentApprovals(IServiceProvider services, IStockBook book, IStockDocumentLookups lookups, CurrencyManager currencies)
{
    public async Task<ApprovalSubmissionResult> SubmitAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var amount = await AmountAsync(adjustment, cancellationToken);
        var warehouseIds = adjustment.Lines.Select(l => l.WarehouseId).Distinct().ToList();
        var codes = new List<string>();
        foreach (var warehouseId in warehouseIds)
        {
            if (await lookups.FindWarehouseAsync(warehouseId, cancellationToken) is { } warehouse) codes.Add(warehouse.Code);
        }
        var summary = $"{string.Join(", ", codes)} · {adjustment.Reason} · {await currencies.GetBaseCurrencyAsync(cancellationToken)} {amount:N2}";
        return await Requests.SubmitAsync(new ApprovalSubmission(ApprovalDocumentType.StockAdjustment, adjustment.Id, adjustment.Number, summary,
            $"/app/inventory/adjustments/{adjustment.Id}",
            new ApprovalFacts(Amount: amount, WarehouseId: warehouseIds.Count == 1 ? warehouseIds[0] : null, Warehouses: warehouseIds)), cancellationToken);
    }

    public Task WithdrawAsync(StockAdjustment adjustment, CancellationToken cancellationToken) =>
        Requests.WithdrawAsync(ApprovalDocumentType.StockAdjustment, adjustment.Id, cancellationToken);

    /// <summary>The adjustment's absolute value in the company's currency (stock is valued in it), rounded to the cent.</summary>
    public async Task<decimal> AmountAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var total = 0m;
        foreach (var line in adjustment.Lines)
        {
            var unitCost = line.BaseQuantity > 0m && line.BaseUnitCost is { } entered
                ? entered
                : await book.GetAverageUnitCostAsync(line.ProductId, line.WarehouseId, cancellationToken)
                  ?? (await lookups.FindProductAsync(line.ProductId, cancellationToken))?.StandardCost ?? 0m;
            total += Math.Abs(line.BaseQuantity) * unitCost;
        }
        return decimal.Round(total, StockDocumentConsts.ValueScale, MidpointRounding.AwayFromZero);
    }

    private IApprovalRequests Requests => services.GetRequiredService<IApprovalRequests>();
}

/// <summary>
/// Inventory's side of the approval engine for stock adjustments, inside the decider's transaction: approved, the
/// adjustment posts with the same posting as an unheld one (and when stock has run short since, the ledger's refusal
/// stops the approval: the request stays pending and nothing is posted); rejected, it is a draft again with the reason.
/// </summary>
public sealed class StockAdjustmentApprovalHandler(IStockDocumentRepository documents, StockDocumentPosting posting, StockDocumentActors actors)
    : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.StockAdjustment;

    public async Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        var adjustment = await LoadAsync(decision, cancellationToken);
        await posting.PostAsync(adjustment, await actors.OfAsync(decision, cancellationToken), decision.Comment, cancellationToken);
    }

    public async Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) =>
        (await LoadAsync(decision, cancellationToken)).Reject(await actors.OfAsync(decision, cancellationToken), decision.Comment);

    private async Task<StockAdjustment> LoadAsync(ApprovalDecision decision, CancellationToken cancellationToken) =>
        await documents.FindAsync<StockAdjustment>(decision.DocumentId, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(StockAdjustment), decision.DocumentId);
}
