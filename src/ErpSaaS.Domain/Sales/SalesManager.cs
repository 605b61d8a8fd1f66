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

    public async Task<SalesQuotation> CreateQuotationAsync(Guid requestId, Customer customer, Guid warehouseId, DateOnly validUntil, string? comment, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!customer.IsActive) throw BusinessException.ForField("CustomerId", SalesErrorCodes.CustomerUnknown);
        var quotation = new SalesQuotation(await numbers.NextAsync(DocumentTypes.SalesQuotation, cancellationToken), requestId, customer, warehouseId, validUntil, comment, actor);
        documents.Add(quotation);
        return quotation;
    }

    /// <summary>
    /// A delivery of the quantities asked for; each must fit what the order line still has open minus what other draft
    /// deliveries already took.
    /// </summary>
    public async Task<SalesDelivery> CreateDeliveryAsync(Guid requestId, SalesOrder order, IReadOnlyList<DeliveryLineDetails> lines, string? comment, SalesActor actor,
        CancellationToken cancellationToken = default)
    {
        var onDrafts = await documents.GetDraftDeliveryQuantitiesAsync(order.Id, null, cancellationToken);
        foreach (var group in lines.GroupBy(l => l.OrderLineNumber))
        {
            var line = order.Line(group.Key);
            if (group.Sum(l => l.Quantity) > line.OpenQuantity - onDrafts.GetValueOrDefault(group.Key))
            {
                throw BusinessException.ForField(SalesRules.Field(group.Key - 1, "Quantity"), SalesErrorCodes.DeliveryExceedsOrder, order.Number, group.Key);
            }
        }
        var delivery = new SalesDelivery(await numbers.NextAsync(DocumentTypes.Delivery, cancellationToken), requestId, order, lines, comment, actor);
        documents.Add(delivery);
        return delivery;
    }

    public async Task<SalesInvoice> CreateInvoiceAsync(SalesOrder order, SalesDelivery delivery, Customer customer, SalesActor actor, CancellationToken cancellationToken = default)
    {
        var invoice = new SalesInvoice(await numbers.NextAsync(DocumentTypes.SalesInvoice, cancellationToken), order, delivery, customer.PaymentTermsDays, actor);
        documents.Add(invoice);
        return invoice;
    }
}
