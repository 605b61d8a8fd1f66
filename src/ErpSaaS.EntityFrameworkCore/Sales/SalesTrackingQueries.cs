using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Sales;

/// <summary>Two statements for the whole board: the orders with their open receivables, then their lines, summed here per order.</summary>
internal sealed class SalesTrackingQueries(ErpDbContext db) : ISalesTrackingQueries
{
    public async Task<IReadOnlyList<SalesTrackingOrderRow>> GetOrdersAsync(
        Guid? customerId, DateOnly? finishedFrom, DateOnly? finishedTo, CancellationToken cancellationToken = default)
    {
        var open = db.Set<SalesInvoice>().IgnoreAutoIncludes().Where(i => i.TotalAmount - i.ReceivedAmount - i.CreditedAmount > 0m);
        var orders = db.Set<SalesOrder>().AsNoTracking().IgnoreAutoIncludes();
        if (customerId is { } customer) orders = orders.Where(o => o.CustomerId == customer);
        var from = finishedFrom ?? DateOnly.MaxValue;
        var to = finishedTo ?? DateOnly.MinValue;
        orders = orders.Where(o =>
            (o.Status != SalesOrderStatus.Cancelled && o.Status != SalesOrderStatus.Completed)
            || (o.Status == SalesOrderStatus.Completed && open.Any(i => i.OrderId == o.Id))
            || (o.OrderDate >= from && o.OrderDate <= to));
        var headers = await (
            from o in orders
            join c in db.Customers on o.CustomerId equals c.Id
            join w in db.Warehouses on o.WarehouseId equals w.Id
            select new
            {
                o.Id, o.Number, o.Status, o.CustomerId, CustomerCode = c.Code, CustomerName = c.Name, o.WarehouseId, WarehouseCode = w.Code, o.OrderDate,
                o.CurrencyCode, o.TotalAmount,
                OpenReceivable = open.Where(i => i.OrderId == o.Id).Sum(i => (decimal?)(i.TotalAmount - i.ReceivedAmount - i.CreditedAmount)) ?? 0m,
            }).ToListAsync(cancellationToken);
        var lines = (await (
                from o in orders
                join l in db.Set<SalesOrderLine>() on o.Id equals l.OrderId
                select new { l.OrderId, l.LineNumber, l.ProductId, l.BaseQuantity, l.DeliveredQuantity, l.ReturnedQuantity, l.PromisedDate, l.BackOrderedQuantity }).ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
        return [.. headers.Select(o =>
        {
            var own = lines[o.Id].ToList();
            // Still to deliver, as SalesOrderLine.OpenQuantity reads it: ordered − (delivered − returned).
            var openLines = own.Select(l => new SalesTrackingOpenLine(l.LineNumber, l.ProductId, l.BaseQuantity - (l.DeliveredQuantity - l.ReturnedQuantity), l.PromisedDate,
                    l.BackOrderedQuantity))
                .Where(l => l.OpenQuantity > 0m).OrderBy(l => l.LineNumber).ToList();
            return new SalesTrackingOrderRow(
                o.Id, o.Number, o.Status, o.CustomerId, o.CustomerCode, o.CustomerName, o.WarehouseId, o.WarehouseCode, o.OrderDate, o.CurrencyCode, o.TotalAmount,
                own.Count, own.Sum(l => l.BaseQuantity), own.Count == 0 ? null : own.Min(l => l.PromisedDate), openLines, o.OpenReceivable);
        })];
    }
}
