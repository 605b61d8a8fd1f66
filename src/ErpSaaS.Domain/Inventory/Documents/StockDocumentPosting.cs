using ErpSaaS.Common;

namespace ErpSaaS.Inventory.Documents;

/// <summary>
/// Posts stock documents to the ledger, inside the caller's transaction: the document says what moves, the ledger
/// books it (and refuses what would take stock below zero), the document records what it cost and becomes final.
/// </summary>
public sealed class StockDocumentPosting(IStockLedger ledger, IStockBook book)
{
    public async Task PostAsync(OpeningBalance opening, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var posted = await PostAsync(opening.BeginPosting(actor.At), cancellationToken);
        opening.CompletePosting(posted, actor);
    }

    /// <summary>Issues first, then receipts at exactly the cost each issue carried: moving goods neither adds nor loses value.</summary>
    public async Task PostAsync(StockTransfer transfer, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var issues = await PostAsync(transfer.BeginIssues(actor.At), cancellationToken);
        var expiries = new Dictionary<(Guid ProductId, string BatchNumber), DateOnly?>();
        foreach (var batches in transfer.Lines.Where(l => l.BatchNumber is not null).GroupBy(l => l.ProductId))
        {
            var known = await book.GetBatchExpiriesAsync(batches.Key, batches.Select(l => l.BatchNumber!).Distinct().ToList(), cancellationToken);
            foreach (var (batchNumber, expiry) in known) expiries[(batches.Key, batchNumber)] = expiry;
        }
        var receipts = await PostAsync(transfer.Receipts(actor.At, issues, expiries), cancellationToken);
        transfer.CompletePosting(issues, receipts, actor);
    }

    /// <param name="comment">The approver's comment when the adjustment posts on approval, for the timeline.</param>
    public async Task PostAsync(StockAdjustment adjustment, StockDocumentActor actor, string? comment = null, CancellationToken cancellationToken = default)
    {
        var posted = await PostAsync(adjustment.BeginPosting(actor.At), cancellationToken);
        adjustment.CompletePosting(posted, actor, comment);
    }

    /// <summary>Books the variances against the book frozen at the start (see <see cref="StockCount"/>); a count without variances posts nothing.</summary>
    public async Task PostAsync(StockCount count, StockDocumentActor actor, CancellationToken cancellationToken = default)
    {
        var posting = count.BeginPosting(actor.At);
        var posted = posting.Movements.Count == 0 ? [] : await PostAsync(posting, cancellationToken);
        count.CompletePosting(posted, actor);
    }

    /// <summary>
    /// The ledger names the movement a refusal is about ("Movements[0].Quantity"); a document is posted from its header,
    /// where no such field exists, so the refusal (which names the product and line itself) goes to the page's summary.
    /// </summary>
    private async Task<IReadOnlyList<PostedMovement>> PostAsync(StockPosting posting, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.PostAsync(posting, cancellationToken);
        }
        catch (BusinessException refused) when (refused.Field is not null)
        {
            throw new BusinessException(refused.Code, [.. refused.Args]);
        }
    }
}
