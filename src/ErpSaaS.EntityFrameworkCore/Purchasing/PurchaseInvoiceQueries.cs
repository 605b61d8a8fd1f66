using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

internal sealed class PurchaseInvoiceQueries(ErpDbContext db) : IPurchaseInvoiceQueries
{
    private static readonly SortMap<InvoiceRow> InvoiceSorts = new SortMap<InvoiceRow>("number", true, r => r.Id)
        .Add("number", r => r.Number)
        .Add("status", r => r.Status)
        .Add("supplier", r => r.SupplierName)
        .Add("invoiceDate", r => r.InvoiceDate)
        .Add("total", r => r.TotalAmount)
        .Add("open", r => r.TotalAmount - r.PaidAmount);

    private static readonly SortMap<ReturnRow> ReturnSorts = new SortMap<ReturnRow>("number", true, r => r.Id)
        .Add("number", r => r.Number)
        .Add("supplier", r => r.SupplierName)
        .Add("returnedOn", r => r.ReturnedOn)
        .Add("value", r => r.TotalValue);

    private static readonly PurchaseOrderStatus[] PricedStatuses =
    [
        PurchaseOrderStatus.Approved, PurchaseOrderStatus.Sent, PurchaseOrderStatus.PartiallyReceived, PurchaseOrderStatus.ToInvoice,
        PurchaseOrderStatus.Completed, PurchaseOrderStatus.Closed,
    ];

    public async Task<PagedResult<PurchaseInvoiceSummaryDto>> GetInvoicesAsync(PurchaseInvoiceListQuery query, CancellationToken cancellationToken = default)
    {
        var rows =
            from i in db.Set<PurchaseInvoice>().AsNoTracking().IgnoreAutoIncludes()
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on i.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on i.SupplierId equals s.Id
            select new InvoiceRow
            {
                Id = i.Id, Number = i.Number, Status = i.Status, PurchaseOrderId = o.Id, OrderNumber = o.Number, SupplierName = s.Name,
                SupplierReference = i.SupplierReference, InvoiceDate = i.InvoiceDate, CurrencyCode = i.CurrencyCode, TotalAmount = i.TotalAmount,
                PaidAmount = i.PaidAmount, IsPriceMismatch = i.IsPriceMismatch,
            };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.OrderNumber, pattern) || EF.Functions.ILike(r.SupplierName, pattern)
                                   || (r.SupplierReference != null && EF.Functions.ILike(r.SupplierReference, pattern)));
        }
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (query.PurchaseOrderId is { } orderId) rows = rows.Where(r => r.PurchaseOrderId == orderId);
        if (query.OpenOnly) rows = rows.Where(r => r.Status == PurchaseInvoiceStatus.Approved);
        return await InvoiceSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, r => new PurchaseInvoiceSummaryDto(
            r.Id, r.Number, r.Status, r.PurchaseOrderId, r.OrderNumber, r.SupplierName, r.SupplierReference, r.InvoiceDate, r.CurrencyCode, r.TotalAmount,
            r.PaidAmount, r.Status == PurchaseInvoiceStatus.Approved || r.Status == PurchaseInvoiceStatus.Paid ? r.TotalAmount - r.PaidAmount : 0m,
            r.IsPriceMismatch), cancellationToken);
    }

    public async Task<PurchaseInvoiceDto?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var header = await (
            from i in db.Set<PurchaseInvoice>().AsNoTracking().IgnoreAutoIncludes()
            where i.Id == id
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on i.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on i.SupplierId equals s.Id
            select new { Invoice = i, OrderNumber = o.Number, SupplierName = s.Name }).FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var lines = await (
            from l in db.Set<PurchaseInvoiceLine>().AsNoTracking()
            where l.InvoiceId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            orderby l.LineNumber
            select new PurchaseInvoiceLineDto(l.LineNumber, l.OrderLineNumber, p.Code, p.Name, l.Unit, l.Quantity, l.UnitPrice, l.OrderUnitPrice,
                l.PriceVariancePercent, l.TaxRate, l.NetAmount, l.TaxAmount)).ToListAsync(cancellationToken);
        var payments = await db.Set<PurchasePayment>().AsNoTracking().Where(p => p.InvoiceId == id).OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
            .Select(p => new PurchasePaymentDto(p.Id, p.Number, p.Amount, p.PaidOn, p.Method, p.Reference, p.UserName, p.Status, p.RejectionReason))
            .ToListAsync(cancellationToken);
        var timeline = await db.Set<PurchaseInvoiceEvent>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Status, e.At, e.UserName, e.Comment }).ToListAsync(cancellationToken);
        var invoice = header.Invoice;
        return new PurchaseInvoiceDto(invoice.Id, invoice.Number, invoice.Status, invoice.PurchaseOrderId, header.OrderNumber, header.SupplierName,
            invoice.SupplierReference, invoice.InvoiceDate, invoice.CurrencyCode, invoice.Comment, invoice.NetAmount, invoice.TaxAmount, invoice.TotalAmount,
            invoice.PaidAmount, invoice.OpenAmount, invoice.IsPriceMismatch, invoice.Version, invoice.CreatedAt, lines, payments,
            [.. timeline.Select(e => new PurchasingEventDto(e.Status.ToString(), e.At, e.UserName, e.Comment))]);
    }

    public async Task<PurchaseOrderBalanceDto?> FindOrderBalanceAsync(Guid purchaseOrderId, CancellationToken cancellationToken = default)
    {
        var lines = await db.Set<PurchaseOrderLine>().AsNoTracking().Where(l => l.OrderId == purchaseOrderId)
            .Select(l => new { l.BaseQuantity, l.ReceivedQuantity, l.ReturnedQuantity, l.InvoicedQuantity }).ToListAsync(cancellationToken);
        if (lines.Count == 0 && !await db.Set<PurchaseOrder>().IgnoreAutoIncludes().AnyAsync(o => o.Id == purchaseOrderId, cancellationToken)) return null;
        var payable = new[] { PurchaseInvoiceStatus.Approved, PurchaseInvoiceStatus.Paid };
        var invoices = await db.Set<PurchaseInvoice>().AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.PurchaseOrderId == purchaseOrderId && payable.Contains(i.Status))
            .Select(i => new { i.TotalAmount, i.PaidAmount }).ToListAsync(cancellationToken);
        var invoiced = invoices.Sum(i => i.TotalAmount);
        var paid = invoices.Sum(i => i.PaidAmount);
        return new PurchaseOrderBalanceDto(
            lines.Sum(l => Math.Max(0m, l.BaseQuantity - l.ReceivedQuantity)),
            lines.Sum(l => Math.Max(0m, l.ReceivedQuantity - l.ReturnedQuantity - l.InvoicedQuantity)),
            invoiced, paid, invoiced - paid);
    }

    public async Task<PagedResult<PurchaseReturnSummaryDto>> GetReturnsAsync(PurchaseReturnListQuery query, CancellationToken cancellationToken = default)
    {
        var rows =
            from r in db.Set<PurchaseReturn>().AsNoTracking().IgnoreAutoIncludes()
            join g in db.Set<GoodsReceipt>().IgnoreAutoIncludes() on r.GoodsReceiptId equals g.Id
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on r.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on r.SupplierId equals s.Id
            join w in db.Warehouses on r.WarehouseId equals w.Id
            select new ReturnRow
            {
                Id = r.Id, Number = r.Number, GoodsReceiptId = g.Id, ReceiptNumber = g.Number, OrderNumber = o.Number, SupplierName = s.Name,
                WarehouseCode = w.Code, ReturnedOn = r.ReturnedOn, Reason = r.Reason, TotalValue = r.TotalValue,
            };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.ReceiptNumber, pattern) || EF.Functions.ILike(r.OrderNumber, pattern)
                                   || EF.Functions.ILike(r.SupplierName, pattern) || EF.Functions.ILike(r.Reason, pattern));
        }
        if (query.GoodsReceiptId is { } receiptId) rows = rows.Where(r => r.GoodsReceiptId == receiptId);
        return await ReturnSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, r => new PurchaseReturnSummaryDto(
            r.Id, r.Number, r.GoodsReceiptId, r.ReceiptNumber, r.OrderNumber, r.SupplierName, r.WarehouseCode, r.ReturnedOn, r.Reason, r.TotalValue), cancellationToken);
    }

    public async Task<PurchaseReturnDto?> FindReturnAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var header = await (
            from r in db.Set<PurchaseReturn>().AsNoTracking().IgnoreAutoIncludes()
            where r.Id == id
            join g in db.Set<GoodsReceipt>().IgnoreAutoIncludes() on r.GoodsReceiptId equals g.Id
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on r.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on r.SupplierId equals s.Id
            join w in db.Warehouses on r.WarehouseId equals w.Id
            select new { Return = r, ReceiptNumber = g.Number, OrderNumber = o.Number, SupplierName = s.Name, WarehouseCode = w.Code }).FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var lines = await (
            from l in db.Set<PurchaseReturnLine>().AsNoTracking()
            where l.ReturnId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            orderby l.LineNumber
            select new PurchaseReturnLineDto(l.LineNumber, l.ReceiptLineNumber, p.Code, p.Name, l.Unit, l.Quantity, l.BaseQuantity, l.BaseUnitCost, l.Value))
            .ToListAsync(cancellationToken);
        var made = header.Return;
        return new PurchaseReturnDto(made.Id, made.Number, made.GoodsReceiptId, header.ReceiptNumber, made.PurchaseOrderId, header.OrderNumber, header.SupplierName,
            header.WarehouseCode, made.ReturnedOn, made.Reason, made.UserName, made.PostedAt, made.TotalValue, lines);
    }

    public async Task<IReadOnlyList<SupplierPerformanceDto>> GetSupplierPerformanceAsync(DateOnly start, DateOnly end, string? search, CancellationToken cancellationToken = default)
    {
        var suppliers = db.Suppliers.IgnoreAutoIncludes().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Paging.Contains(search);
            suppliers = suppliers.Where(s => EF.Functions.ILike(s.Code, pattern) || EF.Functions.ILike(s.Name, pattern));
        }
        // Each received line with the day it was due: the line's confirmed date, else the order's, else the planned one.
        var received = await (
            from g in db.Set<GoodsReceipt>().AsNoTracking().IgnoreAutoIncludes()
            where g.Status == GoodsReceiptStatus.Posted && g.ReceivedOn >= start && g.ReceivedOn <= end
            join gl in db.Set<GoodsReceiptLine>() on g.Id equals gl.ReceiptId
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on g.PurchaseOrderId equals o.Id
            join ol in db.Set<PurchaseOrderLine>() on new { OrderId = o.Id, LineNumber = gl.OrderLineNumber } equals new { ol.OrderId, ol.LineNumber }
            select new
            {
                g.Id, g.SupplierId, g.ReceivedOn, gl.BaseAccepted, gl.BaseRejected,
                DueOn = ol.ConfirmedDate ?? o.ConfirmedDate ?? ol.ExpectedDate,
            }).ToListAsync(cancellationToken);
        var priceFrom = end.AddDays(-(PurchasingConsts.PriceStabilityDays - 1));
        var prices = await (
            from o in db.Set<PurchaseOrder>().AsNoTracking().IgnoreAutoIncludes()
            where PricedStatuses.Contains(o.Status) && o.OrderDate >= priceFrom && o.OrderDate <= end
            join l in db.Set<PurchaseOrderLine>() on o.Id equals l.OrderId
            select new { o.SupplierId, l.ProductId, l.UnitPrice, l.Quantity, l.BaseQuantity }).ToListAsync(cancellationToken);
        var ids = received.Select(r => r.SupplierId).Concat(prices.Select(p => p.SupplierId)).Distinct().ToList();
        var names = await suppliers.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        var result = new List<SupplierPerformanceDto>(names.Count);
        foreach (var supplier in names)
        {
            // A receipt is on time when it came no later than the earliest due date among the lines it brought.
            var receipts = received.Where(r => r.SupplierId == supplier.Id).GroupBy(r => r.Id)
                .Select(g => g.First().ReceivedOn <= g.Min(x => x.DueOn)).ToList();
            var accepted = received.Where(r => r.SupplierId == supplier.Id).Sum(r => r.BaseAccepted);
            var inspected = accepted + received.Where(r => r.SupplierId == supplier.Id).Sum(r => r.BaseRejected);
            var lines = prices.Where(p => p.SupplierId == supplier.Id && p.BaseQuantity > 0m).ToList();
            var variations = lines.GroupBy(p => p.ProductId)
                .Select(g => SupplierPerformanceMath.CoefficientOfVariation([.. g.Select(p => p.UnitPrice * p.Quantity / p.BaseQuantity)]))
                .Where(v => v is not null).Select(v => v!.Value).ToList();
            result.Add(new SupplierPerformanceDto(supplier.Id, supplier.Code, supplier.Name, receipts.Count, receipts.Count(on => on),
                SupplierPerformanceMath.Percent(receipts.Count(on => on), receipts.Count), decimal.Round(inspected, PurchasingConsts.QuantityScale),
                decimal.Round(accepted, PurchasingConsts.QuantityScale), SupplierPerformanceMath.Percent(accepted, inspected), lines.Count,
                variations.Count == 0 ? null : decimal.Round(variations.Average() * 100m, 2, MidpointRounding.AwayFromZero)));
        }
        return result;
    }

    private sealed class InvoiceRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public PurchaseInvoiceStatus Status { get; init; }
        public Guid PurchaseOrderId { get; init; }
        public string OrderNumber { get; init; } = null!;
        public string SupplierName { get; init; } = null!;
        public string? SupplierReference { get; init; }
        public DateOnly InvoiceDate { get; init; }
        public string CurrencyCode { get; init; } = null!;
        public decimal TotalAmount { get; init; }
        public decimal PaidAmount { get; init; }
        public bool IsPriceMismatch { get; init; }
    }

    private sealed class ReturnRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public Guid GoodsReceiptId { get; init; }
        public string ReceiptNumber { get; init; } = null!;
        public string OrderNumber { get; init; } = null!;
        public string SupplierName { get; init; } = null!;
        public string WarehouseCode { get; init; } = null!;
        public DateOnly ReturnedOn { get; init; }
        public string Reason { get; init; } = null!;
        public decimal TotalValue { get; init; }
    }
}
