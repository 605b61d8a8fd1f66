using ErpSaaS.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

/// <summary>Three statements for the whole board: the orders with their open payables, then their lines, summed here per order.</summary>
internal sealed class PurchaseTrackingQueries(ErpDbContext db) : IPurchaseTrackingQueries
{
    public async Task<IReadOnlyList<PurchaseTrackingOrderRow>> GetOrdersAsync(
        Guid? supplierId, Guid? warehouseId, DateOnly? finishedFrom, DateOnly? finishedTo, CancellationToken cancellationToken = default)
    {
        // Submitted or approved invoices not paid in full: what the order still owes its supplier.
        var owed = db.Set<PurchaseInvoice>().IgnoreAutoIncludes()
            .Where(i => (i.Status == PurchaseInvoiceStatus.PendingApproval || i.Status == PurchaseInvoiceStatus.Approved) && i.TotalAmount > i.PaidAmount);
        var orders = db.Set<PurchaseOrder>().AsNoTracking().IgnoreAutoIncludes();
        if (supplierId is { } supplier) orders = orders.Where(o => o.SupplierId == supplier);
        if (warehouseId is { } warehouse) orders = orders.Where(o => o.WarehouseId == warehouse);
        var from = finishedFrom ?? DateOnly.MaxValue;
        var to = finishedTo ?? DateOnly.MinValue;
        orders = orders.Where(o =>
            (o.Status != PurchaseOrderStatus.Cancelled && o.Status != PurchaseOrderStatus.Closed && o.Status != PurchaseOrderStatus.Completed)
            || (o.Status == PurchaseOrderStatus.Completed && owed.Any(i => i.PurchaseOrderId == o.Id))
            || (o.OrderDate >= from && o.OrderDate <= to));
        var headers = await (
            from o in orders
            join s in db.Suppliers on o.SupplierId equals s.Id
            join w in db.Warehouses on o.WarehouseId equals w.Id
            select new
            {
                o.Id, o.Number, o.Status, o.SupplierId, SupplierCode = s.Code, SupplierName = s.Name, WarehouseCode = w.Code, o.OrderDate, o.ConfirmedDate,
                o.CurrencyCode, o.TotalAmount, OpenPayable = owed.Where(i => i.PurchaseOrderId == o.Id).Sum(i => (decimal?)(i.TotalAmount - i.PaidAmount)) ?? 0m,
            }).ToListAsync(cancellationToken);
        var lines = (await (
                from o in orders
                join l in db.Set<PurchaseOrderLine>() on o.Id equals l.OrderId
                select new { l.OrderId, l.BaseQuantity, l.ReceivedQuantity, l.ExpectedDate, l.ConfirmedDate }).ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
        return [.. headers.Select(o =>
        {
            var own = lines[o.Id].ToList();
            var open = own.Where(l => l.ReceivedQuantity < l.BaseQuantity).ToList();
            // The day a line is due, as PurchaseOrder.DueOn reads it: the line's confirmed date, else the order's, else the expected one.
            DateOnly? Earliest(IEnumerable<DateOnly> days) => days.Any() ? days.Min() : null;
            return new PurchaseTrackingOrderRow(
                o.Id, o.Number, o.Status, o.SupplierId, o.SupplierCode, o.SupplierName, o.WarehouseCode, o.OrderDate,
                o.ConfirmedDate is not null || (own.Count > 0 && own.All(l => l.ConfirmedDate is not null)), o.CurrencyCode, o.TotalAmount,
                own.Count, open.Count, own.Sum(l => l.BaseQuantity), open.Sum(l => l.BaseQuantity - l.ReceivedQuantity),
                Earliest(own.Select(l => l.ConfirmedDate ?? o.ConfirmedDate ?? l.ExpectedDate)),
                Earliest(open.Select(l => l.ConfirmedDate ?? o.ConfirmedDate ?? l.ExpectedDate)), o.OpenPayable);
        })];
    }
}
