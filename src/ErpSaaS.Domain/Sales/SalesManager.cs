using ErpSaaS.Catalog;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Numbering;

namespace ErpSaaS.Sales;

/// <summary>Creates sales documents with the next number of the company's sequence for their type.</summary>
public sealed class SalesManager(ISalesRepository documents, IDocumentNumberGenerator numbers)
{
    public async Task<SalesOrder> CreateOrderAsync(Guid requestId, Customer customer, Guid warehouseId, string? comment, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!customer.IsActive) throw BusinessException.ForField("CustomerId", SalesErrorCodes.CustomerUnknown);
        var order = new SalesOrder(await numbers.NextAsync(DocumentTypes.SalesOrder, cancellationToken), requestId, customer, warehouseId, actor.Today, comment, actor);
        documents.Add(order);
        return order;
    }

    /// <summary>
    /// Replaces a confirmed (or approved) order nothing was delivered or invoiced against by a draft copy (same
    /// customer, warehouse, currency and lines; promised never before today) and cancels the original with the reason:
    /// the copy is changed and confirmed like any new order. <paramref name="lines"/> are the original's lines, checked
    /// again by the caller. The caller releases the original's reservations.
    /// </summary>
    public async Task<SalesOrder> AmendOrderAsync(SalesOrder order, Customer customer, IReadOnlyList<SalesLineDetails> lines, string? reason, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        SalesOrder.AmendReason(reason);
        order.EnsureAmendable();
        if (customer.Id != order.CustomerId) throw new BusinessException(SalesErrorCodes.StatusChangeNotAllowed, order.Number);
        var replacement = new SalesOrder(await numbers.NextAsync(DocumentTypes.SalesOrder, cancellationToken), Guid.CreateVersion7(), customer, order.WarehouseId,
            actor.Today, order.Comment, actor);
        replacement.ReplaceLines([.. lines.Select(l => l with { PromisedDate = l.PromisedDate is { } promised && promised < actor.Today ? actor.Today : l.PromisedDate })], actor);
        order.AmendInto(replacement, reason, actor);
        documents.Add(replacement);
        return replacement;
    }

    public async Task<SalesQuotation> CreateQuotationAsync(Guid requestId, Customer customer, Guid warehouseId, DateOnly validUntil, string? comment, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!customer.IsActive) throw BusinessException.ForField("CustomerId", SalesErrorCodes.CustomerUnknown);
        var quotation = new SalesQuotation(await numbers.NextAsync(DocumentTypes.SalesQuotation, cancellationToken), requestId, customer, warehouseId, validUntil, comment, actor);
        documents.Add(quotation);
        return quotation;
    }

    /// <summary>
    /// A delivery of the quantities asked for; each must fit what the order line has reserved minus what other draft
    /// deliveries already took (a back-ordered rest is delivered once it is reserved).
    /// </summary>
    public async Task<SalesDelivery> CreateDeliveryAsync(Guid requestId, SalesOrder order, IReadOnlyList<DeliveryLineDetails> lines, string? comment, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        var onDrafts = await documents.GetDraftDeliveryQuantitiesAsync(order.Id, null, cancellationToken);
        foreach (var group in lines.GroupBy(l => l.OrderLineNumber))
        {
            var line = order.Line(group.Key);
            var asked = group.Sum(l => l.Quantity);
            if (asked > line.OpenQuantity - onDrafts.GetValueOrDefault(group.Key))
            {
                throw BusinessException.ForField(SalesRules.Field(group.Key - 1, "Quantity"), SalesErrorCodes.DeliveryExceedsOrder, order.Number, group.Key);
            }
            if (asked > line.ReservedQuantity - onDrafts.GetValueOrDefault(group.Key))
            {
                throw BusinessException.ForField(SalesRules.Field(group.Key - 1, "Quantity"), SalesErrorCodes.DeliveryExceedsReserved, order.Number, group.Key,
                    SalesRules.Plain(Math.Max(0m, line.ReservedQuantity - onDrafts.GetValueOrDefault(group.Key))));
            }
        }
        var delivery = new SalesDelivery(await numbers.NextAsync(DocumentTypes.Delivery, cancellationToken), requestId, order, lines, comment, actor);
        documents.Add(delivery);
        return delivery;
    }

    /// <summary>
    /// Records a return of a posted delivery: each line at most what it shipped and has not had back; the delivery and
    /// the order count the goods as returned, and the invoiced part is credited on the invoices of the delivery. The
    /// caller posts <see cref="SalesReturn.Posting"/> to the stock ledger in the same transaction.
    /// </summary>
    public async Task<SalesReturn> CreateReturnAsync(Guid requestId, SalesOrder order, SalesDelivery delivery, IReadOnlyList<SalesInvoice> invoices, Guid warehouseId,
        SalesReturnDestination destination, string? reason, IReadOnlyList<(int DeliveryLineNumber, decimal Quantity)> lines, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        if (order.Id != delivery.OrderId) throw new BusinessException(SalesErrorCodes.DeliveryNotPosted, delivery.Number);
        var salesReturn = new SalesReturn(await numbers.NextAsync(DocumentTypes.SalesReturn, cancellationToken), requestId, delivery, warehouseId, destination, reason, lines, actor);
        foreach (var line in salesReturn.Lines)
        {
            var invoiced = delivery.Lines.Single(l => l.LineNumber == line.DeliveryLineNumber).AddReturned(line.Quantity, delivery.Number);
            order.RecordReturned(line.OrderLineNumber, line.Quantity, actor);
            // The newest invoice billing the line is credited first: it is the one least likely to be paid already.
            foreach (var invoice in invoices.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Number, StringComparer.Ordinal))
            {
                if (invoiced <= 0m) break;
                if (invoice.UnitAmount(line.OrderLineNumber) is not { } unitAmount) continue;
                var billed = invoice.Lines.Where(l => l.OrderLineNumber == line.OrderLineNumber).Sum(l => l.Quantity);
                var quantity = Math.Min(invoiced, billed);
                salesReturn.RecordCredit(invoice.Credit(quantity * unitAmount, salesReturn.Number, actor), invoice.Number, actor);
                invoiced -= quantity;
            }
        }
        documents.Add(salesReturn);
        return salesReturn;
    }

    public async Task<SalesInvoice> CreateInvoiceAsync(SalesOrder order, SalesDelivery delivery, Customer customer, SalesActor actor, CancellationToken cancellationToken = default)
    {
        var invoice = new SalesInvoice(await numbers.NextAsync(DocumentTypes.SalesInvoice, cancellationToken), order, delivery, customer.PaymentTermsDays, actor);
        documents.Add(invoice);
        return invoice;
    }
}
