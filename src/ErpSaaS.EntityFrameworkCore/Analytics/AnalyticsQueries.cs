using ErpSaaS.Analytics;
using ErpSaaS.Purchasing;
using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.EntityFrameworkCore.Analytics;

internal sealed class AnalyticsQueries(ErpDbContext db) : IAnalyticsQueries
{
    private static readonly PurchaseOrderStatus[] SubmittedStatuses =
    [
        PurchaseOrderStatus.PendingApproval, PurchaseOrderStatus.Approved, PurchaseOrderStatus.Sent, PurchaseOrderStatus.PartiallyReceived,
        PurchaseOrderStatus.ToInvoice, PurchaseOrderStatus.Completed, PurchaseOrderStatus.Closed,
    ];

    public async Task<IReadOnlyList<PurchasePriceLineRow>> GetPurchasePriceLinesAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from o in db.Set<PurchaseOrder>().AsNoTracking().IgnoreAutoIncludes()
            where SubmittedStatuses.Contains(o.Status) && o.OrderDate >= start && o.OrderDate <= end
            join l in db.Set<PurchaseOrderLine>() on o.Id equals l.OrderId
            join s in db.Suppliers on o.SupplierId equals s.Id
            join p in db.Products on l.ProductId equals p.Id
            where l.BaseQuantity > 0m
            select new { o.Id, o.Number, SupplierCode = s.Code, l.LineNumber, l.ProductId, ProductCode = p.Code, ProductName = p.Name, o.CurrencyCode, o.OrderDate, l.UnitPrice, l.Quantity, l.BaseQuantity })
            .ToListAsync(cancellationToken);
        // Per base unit, as supplier figures compare prices: the price per unit entered × units entered / base units.
        return [.. rows.Select(r => new PurchasePriceLineRow(
            r.Id, r.Number, r.SupplierCode, r.LineNumber, r.ProductId, r.ProductCode, r.ProductName, r.CurrencyCode, r.OrderDate,
            r.UnitPrice * r.Quantity / r.BaseQuantity, r.BaseQuantity))];
    }

    public async Task<IReadOnlyList<ReturnFiguresRow>> GetProductReturnsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var start = since.ToUniversalTime();
        var delivered = await (
            from d in db.Set<SalesDelivery>().AsNoTracking().IgnoreAutoIncludes()
            where d.Status == SalesDeliveryStatus.Posted && d.PostedAt >= start
            join l in db.Set<SalesDeliveryLine>() on d.Id equals l.DeliveryId
            group l.Quantity by l.ProductId into g
            select new { Id = g.Key, Quantity = g.Sum() }).ToListAsync(cancellationToken);
        var returned = await (
            from r in db.Set<SalesReturn>().AsNoTracking().IgnoreAutoIncludes()
            where r.CreatedAt >= start
            join l in db.Set<SalesReturnLine>() on r.Id equals l.ReturnId
            group l.Quantity by l.ProductId into g
            select new { Id = g.Key, Quantity = g.Sum() }).ToListAsync(cancellationToken);
        var ids = delivered.Select(d => d.Id).Concat(returned.Select(r => r.Id)).Distinct().ToList();
        var names = await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return Combine(ids, delivered.ToDictionary(d => d.Id, d => d.Quantity), returned.ToDictionary(r => r.Id, r => r.Quantity),
            id => names.TryGetValue(id, out var p) ? (p.Code, p.Name) : null);
    }

    public async Task<IReadOnlyList<ReturnFiguresRow>> GetCustomerReturnsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var start = since.ToUniversalTime();
        var delivered = await (
            from d in db.Set<SalesDelivery>().AsNoTracking().IgnoreAutoIncludes()
            where d.Status == SalesDeliveryStatus.Posted && d.PostedAt >= start
            join l in db.Set<SalesDeliveryLine>() on d.Id equals l.DeliveryId
            group l.Quantity by d.CustomerId into g
            select new { Id = g.Key, Quantity = g.Sum() }).ToListAsync(cancellationToken);
        var returned = await (
            from r in db.Set<SalesReturn>().AsNoTracking().IgnoreAutoIncludes()
            where r.CreatedAt >= start
            join l in db.Set<SalesReturnLine>() on r.Id equals l.ReturnId
            group l.Quantity by r.CustomerId into g
            select new { Id = g.Key, Quantity = g.Sum() }).ToListAsync(cancellationToken);
        var ids = delivered.Select(d => d.Id).Concat(returned.Select(r => r.Id)).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return Combine(ids, delivered.ToDictionary(d => d.Id, d => d.Quantity), returned.ToDictionary(r => r.Id, r => r.Quantity),
            id => names.TryGetValue(id, out var c) ? (c.Code, c.Name) : null);
    }

    private static List<ReturnFiguresRow> Combine(
        IEnumerable<Guid> ids, Dictionary<Guid, decimal> delivered, Dictionary<Guid, decimal> returned, Func<Guid, (string Code, string Name)?> name) =>
        [.. ids.Select(id => (id, name: name(id))).Where(x => x.name is not null)
            .Select(x => new ReturnFiguresRow(x.id, x.name!.Value.Code, x.name.Value.Name, delivered.GetValueOrDefault(x.id), returned.GetValueOrDefault(x.id)))];
}

public static class AnalyticsEntityFrameworkCoreRegistration
{
    /// <summary>The exceptions list's read side.</summary>
    public static IServiceCollection AddErpAnalyticsPersistence(this IServiceCollection services) =>
        services.AddScoped<IAnalyticsQueries, AnalyticsQueries>();
}
