using ErpSaaS.Approvals;
using ErpSaaS.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Sales;

/// <summary>
/// Puts orders through the approval engine: a discount above the company's limit (SalesDiscount, facts: the largest
/// line discount and the order total) and an order beyond the customer's credit (SalesOrderCredit, facts: the
/// customer's open receivables with this order, and its grade as partner category). The engine is resolved only when
/// an order needs it: its decisions call back into sales (the handlers below), so taking it in the constructor would
/// make the two depend on each other.
/// </summary>
public sealed class SalesApprovals(IServiceProvider services)
{
    public static ApprovalDocumentType DocumentType(SalesApprovalReason reason) =>
        reason == SalesApprovalReason.Discount ? ApprovalDocumentType.SalesDiscount : ApprovalDocumentType.SalesOrderCredit;

    public async Task<bool> SubmitAsync(SalesOrder order, Customer customer, SalesApprovalReason reason, decimal creditExposure, CancellationToken cancellationToken)
    {
        var facts = reason == SalesApprovalReason.Discount
            // Flows set their thresholds in the company's currency, so the order counts at its base-currency total.
            ? new ApprovalFacts(Amount: order.BaseTotalAmount ?? order.TotalAmount, DiscountPercent: order.MaxDiscountPercent, PartnerCategory: customer.Grade.ToString(), WarehouseId: order.WarehouseId)
            : new ApprovalFacts(Amount: creditExposure, PartnerCategory: customer.Grade.ToString(), WarehouseId: order.WarehouseId);
        var summary = $"{customer.Code} {customer.Name} · {order.TotalAmount:0.00} {order.CurrencyCode}";
        var result = await Requests.SubmitAsync(
            new ApprovalSubmission(DocumentType(reason), order.Id, order.Number, summary, $"/app/sales/orders/{order.Id}", facts), cancellationToken);
        return result == ApprovalSubmissionResult.Approved;
    }

    public Task WithdrawAsync(SalesOrder order, SalesApprovalReason reason, CancellationToken cancellationToken) =>
        Requests.WithdrawAsync(DocumentType(reason), order.Id, cancellationToken);

    private IApprovalRequests Requests => services.GetRequiredService<IApprovalRequests>();
}

/// <summary>
/// The outcome of an order's approval. Approved (and no other reason still pending): the order is confirmed at once
/// and its stock reserved; when stock is short by then, it stays approved, unconfirmed, with the shortage on its
/// timeline, and the salesperson confirms it again once stock is there (no new approval needed). Rejected: back to
/// draft with the reason on the timeline; another pending reason is withdrawn.
/// </summary>
public sealed class SalesOrderApprovalOutcome(
    ISalesRepository documents, SalesStock stock, SalesActors actors, SalesApprovals approvals, SalesShortages shortages, Inventory.Documents.IStockDocumentLookups lookups)
{
    public async Task ApprovedAsync(SalesApprovalReason reason, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var order = await documents.GetOrderAsync(decision.DocumentId, cancellationToken);
        var actor = await actors.AtAsync(decision.DeciderId, decision.DeciderName, decision.At, cancellationToken);
        order.GrantApproval(reason, actor, decision.Comment);
        if (order.Status == SalesOrderStatus.Approved) await ConfirmApprovedAsync(order, actor, cancellationToken);
    }

    public async Task RejectedAsync(SalesApprovalReason reason, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var order = await documents.GetOrderAsync(decision.DocumentId, cancellationToken);
        var actor = await actors.AtAsync(decision.DeciderId, decision.DeciderName, decision.At, cancellationToken);
        var other = reason == SalesApprovalReason.Discount ? SalesApprovalReason.Credit : SalesApprovalReason.Discount;
        var otherPending = (other == SalesApprovalReason.Discount ? order.DiscountApproval : order.CreditApproval) == SalesApprovalState.Pending;
        order.RejectApproval(actor, decision.Comment);
        if (otherPending) await approvals.WithdrawAsync(order, other, cancellationToken);
    }

    /// <summary>Reserves and confirms an approved order, or notes on its timeline which lines are short.</summary>
    public async Task<bool> ConfirmApprovedAsync(SalesOrder order, SalesActor actor, CancellationToken cancellationToken)
    {
        var shortLines = await stock.TryReserveAsync(order, cancellationToken);
        if (shortLines.Count == 0)
        {
            order.Confirm(actor);
            return true;
        }
        var notes = new List<string>();
        foreach (var line in shortLines)
        {
            var atp = await stock.AvailabilityAsync(order, line, string.Empty, actor.Today, cancellationToken);
            notes.Add($"#{line.LineNumber}: {atp.Needed:0.####} > {Math.Max(0m, atp.AvailableNow):0.####}" + (atp.CoveredOn is { } day ? $" ({day:yyyy-MM-dd})" : string.Empty));
        }
        order.NoteShortage(string.Join("; ", notes), actor);
        if (await shortages.ActionAsync(cancellationToken) == ShortageAction.Automatic)
        {
            // The approval is kept (the order stays approved), so the needs are raised in the same transaction.
            var codes = new Dictionary<Guid, string>();
            foreach (var productId in shortLines.Select(l => l.ProductId).Distinct())
            {
                codes[productId] = (await lookups.FindProductAsync(productId, cancellationToken))?.Code ?? string.Empty;
            }
            await shortages.RaiseAsync(order, await shortages.ShortLinesAsync(order, shortLines, actor.Today, cancellationToken), codes, cancellationToken);
        }
        return false;
    }
}

public sealed class SalesDiscountApprovalHandler(SalesOrderApprovalOutcome outcome) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.SalesDiscount;
    public Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) => outcome.ApprovedAsync(SalesApprovalReason.Discount, decision, cancellationToken);
    public Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) => outcome.RejectedAsync(SalesApprovalReason.Discount, decision, cancellationToken);
}

public sealed class SalesCreditApprovalHandler(SalesOrderApprovalOutcome outcome) : IApprovalDecisionHandler
{
    public ApprovalDocumentType DocumentType => ApprovalDocumentType.SalesOrderCredit;
    public Task ApprovedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) => outcome.ApprovedAsync(SalesApprovalReason.Credit, decision, cancellationToken);
    public Task RejectedAsync(ApprovalDecision decision, CancellationToken cancellationToken = default) => outcome.RejectedAsync(SalesApprovalReason.Credit, decision, cancellationToken);
}
