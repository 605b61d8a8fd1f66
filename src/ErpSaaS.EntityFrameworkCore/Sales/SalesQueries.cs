using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Inventory;
using ErpSaaS.Sales;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Sales;

internal sealed class SalesQueries(ErpDbContext db) : ISalesQueries
{
    private static readonly SortMap<OrderRow> OrderSorts = new SortMap<OrderRow>("number", true, o => o.Id)
        .Add("number", o => o.Number).Add("status", o => o.Status).Add("customer", o => o.CustomerCode)
        .Add("orderDate", o => o.OrderDate).Add("total", o => o.TotalAmount).Add("createdAt", o => o.CreatedAt);

    private static readonly SortMap<DeliveryRow> DeliverySorts = new SortMap<DeliveryRow>("number", true, d => d.Id)
        .Add("number", d => d.Number).Add("status", d => d.Status).Add("customer", d => d.CustomerCode)
        .Add("createdAt", d => d.CreatedAt).Add("postedAt", d => d.PostedAt);

    private static readonly SortMap<InvoiceRow> InvoiceSorts = new SortMap<InvoiceRow>("number", true, i => i.Id)
        .Add("number", i => i.Number).Add("status", i => i.Status).Add("customer", i => i.CustomerCode)
        .Add("invoiceDate", i => i.InvoiceDate).Add("dueDate", i => i.DueDate).Add("total", i => i.TotalAmount).Add("open", i => i.OpenAmount);

    public Task<PagedResult<SalesOrderSummaryDto>> GetOrdersAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from o in db.Set<SalesOrder>().AsNoTracking().IgnoreAutoIncludes()
                   join c in db.Customers on o.CustomerId equals c.Id
                   select new OrderRow
                   {
                       Id = o.Id, Number = o.Number, Status = o.Status, CustomerCode = c.Code, CustomerName = c.Name, OrderDate = o.OrderDate,
                       TotalAmount = o.TotalAmount, CurrencyCode = o.CurrencyCode, CreatedAt = o.CreatedAt,
                       BackOrderedQuantity = o.Status == SalesOrderStatus.Confirmed || o.Status == SalesOrderStatus.PartiallyDelivered
                           ? db.Set<SalesOrderLine>().Where(l => l.OrderId == o.Id).Sum(l => l.BackOrderedQuantity) : 0m,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(o => EF.Functions.ILike(o.Number, pattern) || EF.Functions.ILike(o.CustomerCode, pattern) || EF.Functions.ILike(o.CustomerName, pattern));
        }
        if (query.Status == SalesListQuery.BackOrderedFilter) rows = rows.Where(o => o.BackOrderedQuantity > 0m);
        else if (Enum.TryParse<SalesOrderStatus>(query.Status, out var status)) rows = rows.Where(o => o.Status == status);
        return OrderSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query,
            o => new SalesOrderSummaryDto(o.Id, o.Number, o.Status, o.CustomerCode, o.CustomerName, o.OrderDate, o.TotalAmount, o.CurrencyCode, o.CreatedAt,
                o.BackOrderedQuantity), cancellationToken);
    }

    public async Task<SalesOrderDto?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var order = await db.Set<SalesOrder>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null) return null;
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == order.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var warehouseCode = await db.Warehouses.Where(w => w.Id == order.WarehouseId).Select(w => w.Code).FirstAsync(cancellationToken);
        var products = await ProductsAsync(order.Lines.Select(l => l.ProductId), cancellationToken);
        var reserved = await db.StockReservations.AsNoTracking().Where(r => r.SourceType == SalesConsts.OrderSource && r.SourceId == id)
            .ToDictionaryAsync(r => r.SourceLine, r => r.Quantity, cancellationToken);
        var deliveries = await db.Set<SalesDelivery>().AsNoTracking().IgnoreAutoIncludes().Where(d => d.OrderId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new { d.Id, d.Number, d.Status, d.CreatedAt }).ToListAsync(cancellationToken);
        var invoices = await db.Set<SalesInvoice>().AsNoTracking().IgnoreAutoIncludes().Where(i => i.OrderId == id).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.Number, i.Status, i.CreatedAt, i.TotalAmount, i.ReceivedAmount }).ToListAsync(cancellationToken);
        return new SalesOrderDto(order.Id, order.Number, order.Status, order.Version, order.CustomerId, customer.Code, customer.Name, order.WarehouseId, warehouseCode,
            order.OrderDate, order.CurrencyCode, order.Comment, order.NetAmount, order.TaxAmount, order.TotalAmount, order.InvoicedAmount,
            invoices.Sum(i => i.ReceivedAmount), order.DiscountApproval, order.CreditApproval,
            [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesOrderLineDto(l.LineNumber, l.ProductId, products[l.ProductId].Code, products[l.ProductId].Name,
                l.Quantity, l.Unit, l.BaseQuantity, products[l.ProductId].BaseUnit, l.UnitPrice, l.DiscountPercent, l.TaxRate, l.NetAmount, l.TaxAmount, l.PromisedDate,
                l.DeliveredQuantity, l.ReturnedQuantity, l.InvoicedQuantity, l.OpenQuantity, reserved.GetValueOrDefault(l.LineNumber), l.BackOrderedQuantity))],
            Timeline(order.Timeline),
            [.. deliveries.Select(d => new SalesLinkDto(d.Id, d.Number, d.Status.ToString(), d.CreatedAt, null))],
            [.. invoices.Select(i => new SalesLinkDto(i.Id, i.Number, i.Status.ToString(), i.CreatedAt, i.TotalAmount))],
            order.ExchangeRate, order.BaseTotalAmount)
        {
            Amends = order.AmendsOrderId is { } amendsId
                ? await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.Id == amendsId).Select(o => new SalesOrderRefDto(o.Id, o.Number)).FirstOrDefaultAsync(cancellationToken)
                : null,
            AmendedBy = await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.AmendsOrderId == id)
                .Select(o => new SalesOrderRefDto(o.Id, o.Number)).FirstOrDefaultAsync(cancellationToken),
        };
    }

    public Task<PagedResult<SalesDeliverySummaryDto>> GetDeliveriesAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from d in db.Set<SalesDelivery>().AsNoTracking().IgnoreAutoIncludes()
                   join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on d.OrderId equals o.Id
                   join c in db.Customers on d.CustomerId equals c.Id
                   join w in db.Warehouses on d.WarehouseId equals w.Id
                   select new DeliveryRow
                   {
                       Id = d.Id, Number = d.Number, Status = d.Status, OrderNumber = o.Number, CustomerCode = c.Code, CustomerName = c.Name, WarehouseCode = w.Code,
                       LineCount = db.Set<SalesDeliveryLine>().Count(l => l.DeliveryId == d.Id), CreatedAt = d.CreatedAt, PostedAt = d.PostedAt,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(d => EF.Functions.ILike(d.Number, pattern) || EF.Functions.ILike(d.OrderNumber, pattern)
                                   || EF.Functions.ILike(d.CustomerCode, pattern) || EF.Functions.ILike(d.CustomerName, pattern));
        }
        if (Enum.TryParse<SalesDeliveryStatus>(query.Status, out var status)) rows = rows.Where(d => d.Status == status);
        return DeliverySorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query,
            d => new SalesDeliverySummaryDto(d.Id, d.Number, d.Status, d.OrderNumber, d.CustomerCode, d.CustomerName, d.WarehouseCode, d.LineCount, d.CreatedAt, d.PostedAt),
            cancellationToken);
    }

    public async Task<SalesDeliveryDto?> FindDeliveryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var delivery = await db.Set<SalesDelivery>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null) return null;
        var orderNumber = await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.Id == delivery.OrderId).Select(o => o.Number).FirstAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == delivery.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var warehouseCode = await db.Warehouses.Where(w => w.Id == delivery.WarehouseId).Select(w => w.Code).FirstAsync(cancellationToken);
        var products = await ProductsAsync(delivery.Lines.Select(l => l.ProductId), cancellationToken);
        var productIds = products.Keys.ToList();
        var expiries = await db.StockBalances.AsNoTracking()
            .Where(b => productIds.Contains(b.ProductId) && b.WarehouseId == delivery.WarehouseId && b.BatchNumber != StockConsts.NoBatch)
            .Select(b => new { b.ProductId, b.BatchNumber, b.ExpiryDate }).ToListAsync(cancellationToken);
        var invoices = await db.Set<SalesInvoice>().AsNoTracking().IgnoreAutoIncludes().Where(i => i.DeliveryId == id).OrderBy(i => i.CreatedAt)
            .Select(i => new SalesLinkDto(i.Id, i.Number, i.Status.ToString(), i.CreatedAt, i.TotalAmount)).ToListAsync(cancellationToken);
        return new SalesDeliveryDto(delivery.Id, delivery.Number, delivery.Status, delivery.Version, delivery.OrderId, orderNumber, customer.Code, customer.Name, warehouseCode,
            delivery.Comment, delivery.CreatedAt, delivery.PostedAt,
            [.. delivery.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesDeliveryLineDto(l.LineNumber, l.OrderLineNumber, l.ProductId, products[l.ProductId].Code,
                products[l.ProductId].Name, products[l.ProductId].BaseUnit, l.BatchNumber,
                expiries.FirstOrDefault(e => e.ProductId == l.ProductId && e.BatchNumber == l.BatchNumber)?.ExpiryDate,
                l.Quantity, l.PickedQuantity, l.PostedUnitCost, l.PostedValue, l.ReturnedQuantity, l.InvoicedQuantity))],
            Timeline(delivery.Timeline), invoices);
    }

    public Task<PagedResult<SalesInvoiceSummaryDto>> GetInvoicesAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from i in db.Set<SalesInvoice>().AsNoTracking().IgnoreAutoIncludes()
                   join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on i.OrderId equals o.Id
                   join c in db.Customers on i.CustomerId equals c.Id
                   select new InvoiceRow
                   {
                       Id = i.Id, Number = i.Number, Status = i.Status, OrderNumber = o.Number, CustomerCode = c.Code, CustomerName = c.Name, InvoiceDate = i.InvoiceDate,
                       DueDate = i.DueDate, TotalAmount = i.TotalAmount, OpenAmount = i.TotalAmount - i.ReceivedAmount - i.CreditedAmount, CurrencyCode = i.CurrencyCode,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(i => EF.Functions.ILike(i.Number, pattern) || EF.Functions.ILike(i.OrderNumber, pattern)
                                   || EF.Functions.ILike(i.CustomerCode, pattern) || EF.Functions.ILike(i.CustomerName, pattern));
        }
        if (Enum.TryParse<SalesInvoiceStatus>(query.Status, out var status)) rows = rows.Where(i => i.Status == status);
        return InvoiceSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query,
            i => new SalesInvoiceSummaryDto(i.Id, i.Number, i.Status, i.OrderNumber, i.CustomerCode, i.CustomerName, i.InvoiceDate, i.DueDate, i.TotalAmount, i.OpenAmount,
                i.CurrencyCode), cancellationToken);
    }

    public async Task<SalesInvoiceDto?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var invoice = await db.Set<SalesInvoice>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return null;
        var order = await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.Id == invoice.OrderId).Select(o => new { o.Number, o.ExchangeRate }).FirstAsync(cancellationToken);
        var orderNumber = order.Number;
        var deliveryNumber = await db.Set<SalesDelivery>().IgnoreAutoIncludes().Where(d => d.Id == invoice.DeliveryId).Select(d => d.Number).FirstAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == invoice.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var products = await ProductsAsync(invoice.Lines.Select(l => l.ProductId), cancellationToken);
        return new SalesInvoiceDto(invoice.Id, invoice.Number, invoice.Status, invoice.Version, invoice.OrderId, orderNumber, invoice.DeliveryId, deliveryNumber,
            customer.Code, customer.Name, invoice.CurrencyCode, invoice.InvoiceDate, invoice.DueDate, invoice.NetAmount, invoice.TaxAmount, invoice.TotalAmount,
            invoice.ReceivedAmount,
            [.. invoice.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesInvoiceLineDto(l.LineNumber, l.OrderLineNumber, products[l.ProductId].Code,
                products[l.ProductId].Name, products[l.ProductId].BaseUnit, l.Quantity, l.NetAmount, l.TaxAmount))],
            [.. invoice.Receipts.OrderBy(r => r.RecordedAt).Select(r => new SalesReceiptDto(r.Amount, r.ReceivedOn, r.Method, r.Reference, r.RecordedAt, r.UserName))],
            Timeline(invoice.Timeline), invoice.CreditedAmount, order.ExchangeRate);
    }

    public Task<PagedResult<SalesReturnSummaryDto>> GetReturnsAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from r in db.Set<SalesReturn>().AsNoTracking().IgnoreAutoIncludes()
                   join d in db.Set<SalesDelivery>().IgnoreAutoIncludes() on r.DeliveryId equals d.Id
                   join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on r.OrderId equals o.Id
                   join c in db.Customers on r.CustomerId equals c.Id
                   join w in db.Warehouses on r.WarehouseId equals w.Id
                   where query.CustomerId == null || r.CustomerId == query.CustomerId
                   where query.ProductId == null || db.Set<SalesReturnLine>().Any(l => l.ReturnId == r.Id && l.ProductId == query.ProductId)
                   select new
                   {
                       r.Id, r.Number, r.Status, DeliveryNumber = d.Number, OrderNumber = o.Number, CustomerCode = c.Code, CustomerName = c.Name, WarehouseCode = w.Code,
                       r.Destination, r.Reason, r.CreditedAmount, r.CreatedAt,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.DeliveryNumber, pattern) || EF.Functions.ILike(r.OrderNumber, pattern)
                                   || EF.Functions.ILike(r.CustomerCode, pattern) || EF.Functions.ILike(r.CustomerName, pattern));
        }
        if (Enum.TryParse<SalesReturnDestination>(query.Status, out var destination)) rows = rows.Where(r => r.Destination == destination);
        var ordered = query.Sort switch
        {
            "customer" => query.Desc ? rows.OrderByDescending(r => r.CustomerCode) : rows.OrderBy(r => r.CustomerCode),
            "createdAt" => query.Desc ? rows.OrderByDescending(r => r.CreatedAt) : rows.OrderBy(r => r.CreatedAt),
            "credited" => query.Desc ? rows.OrderByDescending(r => r.CreditedAmount) : rows.OrderBy(r => r.CreditedAmount),
            _ => query.Desc || query.Sort is null ? rows.OrderByDescending(r => r.Number) : rows.OrderBy(r => r.Number),
        };
        return ordered.ThenByDescending(r => r.Id).ToPageAsync(query,
            r => new SalesReturnSummaryDto(r.Id, r.Number, r.Status, r.DeliveryNumber, r.OrderNumber, r.CustomerCode, r.CustomerName, r.WarehouseCode, r.Destination,
                r.Reason, r.CreditedAmount, r.CreatedAt), cancellationToken);
    }

    public async Task<SalesReturnDto?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var salesReturn = await db.Set<SalesReturn>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (salesReturn is null) return null;
        var order = await db.Set<SalesOrder>().IgnoreAutoIncludes().Where(o => o.Id == salesReturn.OrderId).Select(o => new { o.Number, o.CurrencyCode }).FirstAsync(cancellationToken);
        var deliveryNumber = await db.Set<SalesDelivery>().IgnoreAutoIncludes().Where(d => d.Id == salesReturn.DeliveryId).Select(d => d.Number).FirstAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == salesReturn.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var warehouseCode = await db.Warehouses.Where(w => w.Id == salesReturn.WarehouseId).Select(w => w.Code).FirstAsync(cancellationToken);
        var products = await ProductsAsync(salesReturn.Lines.Select(l => l.ProductId), cancellationToken);
        return new SalesReturnDto(salesReturn.Id, salesReturn.Number, salesReturn.Status, salesReturn.DeliveryId, deliveryNumber, salesReturn.OrderId, order.Number,
            customer.Code, customer.Name, warehouseCode, salesReturn.Destination, salesReturn.Reason, salesReturn.CreditedAmount, order.CurrencyCode, salesReturn.CreatedAt,
            [.. salesReturn.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesReturnLineDto(l.LineNumber, l.DeliveryLineNumber, products[l.ProductId].Code,
                products[l.ProductId].Name, products[l.ProductId].BaseUnit, l.BatchNumber, l.Quantity, l.UnitCost))],
            Timeline(salesReturn.Timeline));
    }

    public async Task<IReadOnlyList<SalesPartyDto>> GetQuarantineWarehousesAsync(CancellationToken cancellationToken = default) =>
        await db.Warehouses.AsNoTracking().Where(w => w.IsActive && w.IsQuarantine).OrderBy(w => w.Code)
            .Select(w => new SalesPartyDto(w.Id, w.Code, w.Name)).ToListAsync(cancellationToken);

    public Task<IReadOnlyList<SalesLineNeed>> GetUnconfirmedLinesAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default) =>
        LineNeedsAsync(productIds, lines => lines
                .Where(r => r.Order.Status == SalesOrderStatus.Draft || r.Order.Status == SalesOrderStatus.PendingApproval || r.Order.Status == SalesOrderStatus.Approved)
                .OrderBy(r => r.Order.Number).ThenBy(r => r.Line.LineNumber),
            line => line.BaseQuantity, cancellationToken);

    public Task<IReadOnlyList<SalesLineNeed>> GetBackOrderedLinesAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default) =>
        LineNeedsAsync(productIds, lines => lines
                .Where(r => r.Line.BackOrderedQuantity > 0m && (r.Order.Status == SalesOrderStatus.Confirmed || r.Order.Status == SalesOrderStatus.PartiallyDelivered))
                .OrderBy(r => r.Line.PromisedDate).ThenBy(r => r.Order.Number).ThenBy(r => r.Line.LineNumber),
            line => line.BackOrderedQuantity, cancellationToken);

    // Initialised by members, not a constructor, so EF can still filter and sort on it after the projection.
    private sealed class OrderLineRow
    {
        public required SalesOrderLine Line { get; init; }
        public required SalesOrder Order { get; init; }
        public required string ProductCode { get; init; }
    }

    private sealed record LineQuantities(decimal BaseQuantity, decimal BackOrderedQuantity);

    /// <summary>The first 200 lines of orders for the products that <paramref name="select"/> keeps, in its order, each needing <paramref name="needed"/>.</summary>
    private async Task<IReadOnlyList<SalesLineNeed>> LineNeedsAsync(IReadOnlyCollection<Guid> productIds,
        Func<IQueryable<OrderLineRow>, IQueryable<OrderLineRow>> select, Func<LineQuantities, decimal> needed, CancellationToken cancellationToken)
    {
        var wanted = productIds.ToList();
        var lines = from l in db.Set<SalesOrderLine>().AsNoTracking()
                    join o in db.Set<SalesOrder>().IgnoreAutoIncludes() on l.OrderId equals o.Id
                    join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
                    where wanted.Contains(l.ProductId)
                    select new OrderLineRow { Line = l, Order = o, ProductCode = p.Code };
        var rows = await select(lines).Take(200).Select(r => new
        {
            OrderId = r.Order.Id, r.Order.Number, r.Order.Status, r.Order.WarehouseId, r.Line.LineNumber, r.Line.ProductId, r.ProductCode,
            r.Line.BaseQuantity, r.Line.BackOrderedQuantity, r.Line.PromisedDate,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SalesLineNeed(r.OrderId, r.Number, r.Status, r.WarehouseId, r.LineNumber, r.ProductId, r.ProductCode,
            needed(new LineQuantities(r.BaseQuantity, r.BackOrderedQuantity)), r.PromisedDate))];
    }

    public Task<PagedResult<SalesQuotationSummaryDto>> GetQuotationsAsync(SalesListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from q in db.Set<SalesQuotation>().AsNoTracking().IgnoreAutoIncludes()
                   join c in db.Customers on q.CustomerId equals c.Id
                   select new { q.Id, q.Number, q.Status, CustomerCode = c.Code, CustomerName = c.Name, q.QuotationDate, q.ValidUntil, q.TotalAmount, q.CurrencyCode };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(q => EF.Functions.ILike(q.Number, pattern) || EF.Functions.ILike(q.CustomerCode, pattern) || EF.Functions.ILike(q.CustomerName, pattern));
        }
        if (Enum.TryParse<SalesQuotationStatus>(query.Status, out var status)) rows = rows.Where(q => q.Status == status);
        var ordered = query.Sort switch
        {
            "validUntil" => query.Desc ? rows.OrderByDescending(q => q.ValidUntil) : rows.OrderBy(q => q.ValidUntil),
            "customer" => query.Desc ? rows.OrderByDescending(q => q.CustomerCode) : rows.OrderBy(q => q.CustomerCode),
            _ => query.Desc || query.Sort is null ? rows.OrderByDescending(q => q.Number) : rows.OrderBy(q => q.Number),
        };
        return ordered.ThenByDescending(q => q.Id).ToPageAsync(query,
            q => new SalesQuotationSummaryDto(q.Id, q.Number, q.Status, q.CustomerCode, q.CustomerName, q.QuotationDate, q.ValidUntil, q.TotalAmount, q.CurrencyCode),
            cancellationToken);
    }

    public async Task<SalesQuotationDto?> FindQuotationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var quotation = await db.Set<SalesQuotation>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (quotation is null) return null;
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == quotation.CustomerId).Select(c => new { c.Code, c.Name }).FirstAsync(cancellationToken);
        var warehouseCode = await db.Warehouses.Where(w => w.Id == quotation.WarehouseId).Select(w => w.Code).FirstAsync(cancellationToken);
        var products = await ProductsAsync(quotation.Lines.Select(l => l.ProductId), cancellationToken);
        return new SalesQuotationDto(quotation.Id, quotation.Number, quotation.Status, quotation.Version, customer.Code, customer.Name, warehouseCode,
            quotation.QuotationDate, quotation.ValidUntil, quotation.CurrencyCode, quotation.Comment, quotation.NetAmount, quotation.TaxAmount, quotation.TotalAmount,
            quotation.OrderId,
            [.. quotation.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesQuotationLineDto(l.LineNumber, products[l.ProductId].Code, products[l.ProductId].Name,
                l.Quantity, l.Unit, l.UnitPrice, l.DiscountPercent, l.TaxRate, l.NetAmount, l.TaxAmount))],
            Timeline(quotation.Timeline));
    }

    public async Task<SalesOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        var customers = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new SalesPartyDto(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.IsActive && !w.IsQuarantine).OrderBy(w => w.Code)
            .Select(w => new SalesPartyDto(w.Id, w.Code, w.Name)).ToListAsync(cancellationToken);
        return new SalesOptionsDto(customers, warehouses);
    }

    public Task<int> CountOrdersCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        return db.Set<SalesOrder>().IgnoreAutoIncludes().CountAsync(o => o.CreatedAt >= start && o.CreatedAt < end, cancellationToken);
    }

    private async Task<Dictionary<Guid, ProductInfo>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Products.AsNoTracking().IgnoreAutoIncludes().Where(p => wanted.Contains(p.Id))
            .Select(p => new ProductInfo(p.Id, p.Code, p.Name, p.BaseUnit)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    private static List<SalesEventDto> Timeline(IEnumerable<SalesEvent> events) =>
        [.. events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new SalesEventDto(e.Status, e.At, e.UserName, e.Comment))];

    private sealed record ProductInfo(Guid Id, string Code, string Name, string BaseUnit);

    private sealed class OrderRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public SalesOrderStatus Status { get; init; }
        public string CustomerCode { get; init; } = null!;
        public string CustomerName { get; init; } = null!;
        public DateOnly OrderDate { get; init; }
        public decimal TotalAmount { get; init; }
        public string CurrencyCode { get; init; } = null!;
        public DateTimeOffset CreatedAt { get; init; }
        public decimal BackOrderedQuantity { get; init; }
    }

    private sealed class DeliveryRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public SalesDeliveryStatus Status { get; init; }
        public string OrderNumber { get; init; } = null!;
        public string CustomerCode { get; init; } = null!;
        public string CustomerName { get; init; } = null!;
        public string WarehouseCode { get; init; } = null!;
        public int LineCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? PostedAt { get; init; }
    }

    private sealed class InvoiceRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public SalesInvoiceStatus Status { get; init; }
        public string OrderNumber { get; init; } = null!;
        public string CustomerCode { get; init; } = null!;
        public string CustomerName { get; init; } = null!;
        public DateOnly InvoiceDate { get; init; }
        public DateOnly DueDate { get; init; }
        public decimal TotalAmount { get; init; }
        public decimal OpenAmount { get; init; }
        public string CurrencyCode { get; init; } = null!;
    }
}
