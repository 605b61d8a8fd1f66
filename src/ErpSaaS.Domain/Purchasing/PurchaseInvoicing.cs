using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Inventory;
using ErpSaaS.Numbering;

namespace ErpSaaS.Purchasing;

/// <summary>What one invoice line was asked for: the order line billed, the quantity in its unit and the supplier's price.</summary>
public sealed record PurchaseInvoiceLineRequest(int? OrderLineNumber, decimal? Quantity, decimal? UnitPrice);

/// <summary>
/// The money and return side of buying, inside the caller's transaction: invoices numbered from the company's sequence
/// with lines resolved against the order, and purchase returns that take accepted goods back out of stock.
/// </summary>
public sealed class PurchaseInvoicing(IDocumentNumberGenerator numbers, IPurchasingRepository repository, IStockLedger ledger)
{
    public async Task<PurchaseInvoice> CreateInvoiceAsync(Guid requestId, PurchaseOrder order, DateOnly? invoiceDate, string? supplierReference, string? comment,
        IReadOnlyList<PurchaseInvoiceLineRequest> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        if (order.Lines.All(l => l.InvoiceableQuantity == 0m)) throw new BusinessException(PurchasingErrorCodes.NothingToInvoice, order.Number);
        var invoice = new PurchaseInvoice(await numbers.NextAsync(DocumentTypes.PurchaseInvoice, cancellationToken), requestId, order, actor);
        ChangeInvoice(invoice, order, invoiceDate, supplierReference, comment, lines, actor);
        repository.Add(invoice);
        return invoice;
    }

    public static void ChangeInvoice(PurchaseInvoice invoice, PurchaseOrder order, DateOnly? invoiceDate, string? supplierReference, string? comment,
        IReadOnlyList<PurchaseInvoiceLineRequest> lines, PurchasingActor actor)
    {
        var details = new List<PurchaseInvoiceLineDetails>(lines.Count);
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var orderLine = order.Line(line.OrderLineNumber ?? 0, PurchasingRules.Field(index, nameof(line.OrderLineNumber)));
            var quantity = line.Quantity ?? throw BusinessException.ForField(PurchasingRules.Field(index, nameof(line.Quantity)), PurchasingErrorCodes.QuantityRequired);
            details.Add(new PurchaseInvoiceLineDetails(orderLine, quantity, line.UnitPrice ?? orderLine.UnitPrice));
        }
        invoice.Change(invoiceDate, supplierReference, comment, details, actor);
    }

    /// <summary>Makes and posts a return of accepted goods from a posted receipt.</summary>
    public async Task<PurchaseReturn> ReturnAsync(Guid requestId, GoodsReceipt receipt, PurchaseOrder order, string? reason,
        IReadOnlyList<(int ReceiptLineNumber, decimal Quantity)> lines, PurchasingActor actor, CancellationToken cancellationToken = default)
    {
        var why = PurchasingRules.Reason(reason);
        if (lines.Count == 0) throw BusinessException.ForField("Lines", PurchasingErrorCodes.NothingReturned);
        var purchaseReturn = new PurchaseReturn(await numbers.NextAsync(DocumentTypes.PurchaseReturn, cancellationToken), requestId, receipt, why, actor);
        var posting = purchaseReturn.BeginPosting(receipt, order, lines, actor);
        IReadOnlyList<PostedMovement> posted;
        try
        {
            posted = await ledger.PostAsync(posting, cancellationToken);
        }
        catch (BusinessException refused) when (refused.Field is not null)
        {
            // The ledger names its own movement fields; the form shows the refusal at the top instead.
            throw new BusinessException(refused.Code, [.. refused.Args]);
        }
        purchaseReturn.CompletePosting(posted);
        repository.Add(purchaseReturn);
        return purchaseReturn;
    }
}
