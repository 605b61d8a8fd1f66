using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Sales;

internal sealed class SalesRepository(ErpDbContext db) : ISalesRepository
{
    // The first key of the two-key advisory lock: "SALE", so request-id locks never meet other modules' locks.
    private const int RequestLockSpace = 0x53414C45;

    // The header and its lines in one query; the timeline is not read (see ISalesRepository).
    public Task<SalesOrder?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<SalesOrder>().IgnoreAutoIncludes().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<SalesDelivery?> FindDeliveryAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<SalesDelivery>().AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<SalesInvoice?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<SalesInvoice>().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<SalesQuotation?> FindQuotationAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<SalesQuotation>().AsSplitQuery().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    public Task<SalesReturn?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<SalesReturn>().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<SalesInvoice>> GetDeliveryInvoicesAsync(Guid deliveryId, CancellationToken cancellationToken = default) =>
        await db.Set<SalesInvoice>().AsSplitQuery().Where(i => i.DeliveryId == deliveryId).ToListAsync(cancellationToken);

    public async Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        if (requestId == Guid.Empty) return null;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A form's request id must be claimed inside the transaction that saves the document.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RequestLockSpace}, hashtext({requestId.ToString()}))", cancellationToken);
        // The four document tables in one query (a request id names one document at most).
        return await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.RequestId == requestId).Select(o => o.Id)
            .Concat(db.Set<SalesDelivery>().IgnoreAutoIncludes().Where(d => d.RequestId == requestId).Select(d => d.Id))
            .Concat(db.Set<SalesQuotation>().IgnoreAutoIncludes().Where(q => q.RequestId == requestId).Select(q => q.Id))
            .Concat(db.Set<SalesReturn>().IgnoreAutoIncludes().Where(r => r.RequestId == requestId).Select(r => r.Id))
            .Select(id => (Guid?)id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<SalesCreditPosition?> GetCreditPositionAsync(Guid customerId, Guid? exceptOrderId, CancellationToken cancellationToken = default)
    {
        // Each invoice is owed in its order's currency, at its order's rate (an order confirmed before rates were kept counts at 1).
        var receivables = from i in db.Set<SalesInvoice>().IgnoreAutoIncludes()
                          join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on i.OrderId equals o.Id
                          where i.CustomerId == customerId
                          select (i.TotalAmount - i.ReceivedAmount - i.CreditedAmount) * (o.ExchangeRate ?? 1m);
        var committed = db.Set<SalesOrder>().IgnoreAutoIncludes()
            .Where(o => o.CustomerId == customerId && o.Id != exceptOrderId
                        && (o.Status == SalesOrderStatus.Approved || o.Status == SalesOrderStatus.Confirmed
                            || o.Status == SalesOrderStatus.PartiallyDelivered || o.Status == SalesOrderStatus.Delivered)
                        && o.TotalAmount > o.InvoicedAmount)
            .Select(o => (o.TotalAmount - o.InvoicedAmount) * (o.ExchangeRate ?? 1m));
        return db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == customerId)
            .Select(c => new SalesCreditPosition(c.CreditLimit, c.CurrencyCode, SalesRules.Money(receivables.Sum() + committed.Sum())))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task LockOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken = default)
    {
        if (orderIds.Count == 0) return;
        var ids = orderIds.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT id FROM sales_orders WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", cancellationToken);
    }

    public async Task<IReadOnlyList<(Guid OrderId, int LineNumber, Guid ProductId, Guid WarehouseId)>> GetBackOrderedLinesAsync(
        IReadOnlyCollection<(Guid ProductId, Guid WarehouseId)> stock, int max, CancellationToken cancellationToken = default)
    {
        if (stock.Count == 0) return [];
        var productIds = stock.Select(s => s.ProductId).Distinct().ToList();
        var warehouseIds = stock.Select(s => s.WarehouseId).Distinct().ToList();
        var rows = await (from l in db.Set<SalesOrderLine>()
                          join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on l.OrderId equals o.Id
                          where l.BackOrderedQuantity > 0m && productIds.Contains(l.ProductId) && warehouseIds.Contains(o.WarehouseId)
                                && (o.Status == SalesOrderStatus.Confirmed || o.Status == SalesOrderStatus.PartiallyDelivered)
                          orderby l.PromisedDate, o.ConfirmedAt, o.Number, l.LineNumber
                          select new { o.Id, l.LineNumber, l.ProductId, o.WarehouseId }).Take(max).ToListAsync(cancellationToken);
        return [.. rows.Where(r => stock.Contains((r.ProductId, r.WarehouseId))).Select(r => (r.Id, r.LineNumber, r.ProductId, r.WarehouseId))];
    }

    public async Task<IReadOnlyDictionary<int, decimal>> GetDraftDeliveryQuantitiesAsync(Guid orderId, Guid? exceptDeliveryId, CancellationToken cancellationToken = default) =>
        await db.Set<SalesDeliveryLine>()
            .Where(l => db.Set<SalesDelivery>().Any(d => d.Id == l.DeliveryId && d.OrderId == orderId && d.Status == SalesDeliveryStatus.Draft && d.Id != exceptDeliveryId))
            .GroupBy(l => l.OrderLineNumber)
            .Select(g => new { Line = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(g => g.Line, g => g.Quantity, cancellationToken);

    public void Add(SalesOrder order) => db.Add(order);
    public void Add(SalesDelivery delivery) => db.Add(delivery);
    public void Add(SalesInvoice invoice) => db.Add(invoice);
    public void Add(SalesQuotation quotation) => db.Add(quotation);
    public void Add(SalesReturn salesReturn) => db.Add(salesReturn);
}

public static class SalesEntityFrameworkCoreRegistration
{
    /// <summary>Persistence and read side of sales.</summary>
    public static IServiceCollection AddErpSalesPersistence(this IServiceCollection services)
    {
        services.AddScoped<ISalesRepository, SalesRepository>();
        services.AddScoped<ISalesQueries, SalesQueries>();
        services.AddScoped<ISalesTrackingQueries, SalesTrackingQueries>();
        return services;
    }
}
