using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore.Querying;
using ErpSaaS.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

internal sealed class PurchasingQueries(ErpDbContext db) : IPurchasingQueries
{
    private static readonly SortMap<OrderRow> OrderSorts = new SortMap<OrderRow>("number", true, o => o.Id)
        .Add("number", o => o.Number)
        .Add("status", o => o.Status)
        .Add("supplier", o => o.SupplierCode)
        .Add("orderDate", o => o.OrderDate)
        .Add("total", o => o.TotalAmount)
        .Add("createdAt", o => o.CreatedAt);

    private static readonly SortMap<ReceiptRow> ReceiptSorts = new SortMap<ReceiptRow>("number", true, r => r.Id)
        .Add("number", r => r.Number)
        .Add("status", r => r.Status)
        .Add("order", r => r.OrderNumber)
        .Add("receivedOn", r => r.ReceivedOn)
        .Add("createdAt", r => r.CreatedAt);

    private static readonly SortMap<PurchaseRequisition> RequisitionSorts = new SortMap<PurchaseRequisition>("number", true, r => r.Id)
        .Add("number", r => r.Number)
        .Add("status", r => r.Status)
        .Add("createdAt", r => r.CreatedAt);

    public async Task<PagedResult<PurchaseOrderSummaryDto>> GetOrdersAsync(PurchaseOrderListQuery query, CancellationToken cancellationToken = default)
    {
        var rows =
            from o in db.Set<PurchaseOrder>().AsNoTracking().IgnoreAutoIncludes()
            join s in db.Suppliers.IgnoreAutoIncludes() on o.SupplierId equals s.Id
            join w in db.Warehouses on o.WarehouseId equals w.Id
            select new OrderRow
            {
                Id = o.Id, Number = o.Number, Status = o.Status, SupplierId = s.Id, SupplierCode = s.Code, SupplierName = s.Name, WarehouseCode = w.Code,
                OrderDate = o.OrderDate, CurrencyCode = o.CurrencyCode, TotalAmount = o.TotalAmount, CreatedAt = o.CreatedAt, Comment = o.Comment,
            };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(o => EF.Functions.ILike(o.Number, pattern) || EF.Functions.ILike(o.SupplierCode, pattern) || EF.Functions.ILike(o.SupplierName, pattern)
                                   || (o.Comment != null && EF.Functions.ILike(o.Comment, pattern)));
        }
        if (query.Status is { } status) rows = rows.Where(o => o.Status == status);
        if (query.ReceivableOnly)
        {
            rows = rows.Where(o => o.Status == PurchaseOrderStatus.Approved || o.Status == PurchaseOrderStatus.Sent || o.Status == PurchaseOrderStatus.PartiallyReceived);
        }
        if (query.SupplierId is { } supplierId) rows = rows.Where(o => o.SupplierId == supplierId);
        return await OrderSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, o => new PurchaseOrderSummaryDto(
            o.Id, o.Number, o.Status, o.SupplierCode, o.SupplierName, o.WarehouseCode, o.OrderDate, o.CurrencyCode, o.TotalAmount, o.CreatedAt), cancellationToken);
    }

    public async Task<PurchaseOrderDto?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var header = await (
            from o in db.Set<PurchaseOrder>().AsNoTracking().IgnoreAutoIncludes()
            where o.Id == id
            join s in db.Suppliers.IgnoreAutoIncludes() on o.SupplierId equals s.Id
            join w in db.Warehouses on o.WarehouseId equals w.Id
            select new { Order = o, SupplierCode = s.Code, SupplierName = s.Name, WarehouseCode = w.Code, WarehouseName = w.Name }).FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var lines = await (
            from l in db.Set<PurchaseOrderLine>().AsNoTracking()
            where l.OrderId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            orderby l.LineNumber
            select new PurchaseOrderLineDto(l.LineNumber, p.Id, p.Code, p.Name, l.Quantity, l.Unit, l.BaseQuantity, p.BaseUnit, l.UnitPrice, l.TaxRateId, l.TaxRate,
                l.NetAmount, l.TaxAmount, l.ExpectedDate, l.ConfirmedDate, l.ReceivedQuantity,
                l.BaseQuantity > l.ReceivedQuantity ? l.BaseQuantity - l.ReceivedQuantity : 0m, l.InvoicedQuantity)).ToListAsync(cancellationToken);
        var timeline = await db.Set<PurchaseOrderEvent>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Status, e.At, e.UserName, e.Comment }).ToListAsync(cancellationToken);
        var order = header.Order;
        var amends = order.AmendsOrderId is { } amendsId
            ? await db.Set<PurchaseOrder>().IgnoreAutoIncludes().Where(o => o.Id == amendsId).Select(o => new PurchaseOrderLinkDto(o.Id, o.Number)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var amendedBy = await db.Set<PurchaseOrder>().IgnoreAutoIncludes().Where(o => o.AmendsOrderId == id)
            .Select(o => new PurchaseOrderLinkDto(o.Id, o.Number)).FirstOrDefaultAsync(cancellationToken);
        return new PurchaseOrderDto(order.Id, order.Number, order.Status, order.SupplierId, header.SupplierCode, header.SupplierName, order.WarehouseId,
            header.WarehouseCode, header.WarehouseName, order.CurrencyCode, order.OrderDate, order.ConfirmedDate, order.Comment, order.NetAmount,
            order.TaxAmount, order.TotalAmount, order.Version, order.CreatedAt, order.ApprovedAt, order.SentAt, lines, [.. timeline.Select(e => new PurchasingEventDto(e.Status.ToString(), e.At, e.UserName, e.Comment))])
        {
            Amends = amends, AmendedBy = amendedBy,
        };
    }

    public async Task<PagedResult<GoodsReceiptSummaryDto>> GetReceiptsAsync(GoodsReceiptListQuery query, CancellationToken cancellationToken = default)
    {
        var rows =
            from r in db.Set<GoodsReceipt>().AsNoTracking().IgnoreAutoIncludes()
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on r.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on r.SupplierId equals s.Id
            join w in db.Warehouses on r.WarehouseId equals w.Id
            select new ReceiptRow
            {
                Id = r.Id, Number = r.Number, Status = r.Status, PurchaseOrderId = o.Id, OrderNumber = o.Number, SupplierName = s.Name, WarehouseCode = w.Code,
                ReceivedOn = r.ReceivedOn, CreatedAt = r.CreatedAt, PostedAt = r.PostedAt,
            };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.OrderNumber, pattern) || EF.Functions.ILike(r.SupplierName, pattern));
        }
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (query.PurchaseOrderId is { } orderId) rows = rows.Where(r => r.PurchaseOrderId == orderId);
        return await ReceiptSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, r => new GoodsReceiptSummaryDto(
            r.Id, r.Number, r.Status, r.PurchaseOrderId, r.OrderNumber, r.SupplierName, r.WarehouseCode, r.ReceivedOn, r.CreatedAt, r.PostedAt), cancellationToken);
    }

    public async Task<GoodsReceiptDto?> FindReceiptAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var header = await (
            from r in db.Set<GoodsReceipt>().AsNoTracking().IgnoreAutoIncludes()
            where r.Id == id
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on r.PurchaseOrderId equals o.Id
            join s in db.Suppliers.IgnoreAutoIncludes() on r.SupplierId equals s.Id
            join w in db.Warehouses on r.WarehouseId equals w.Id
            from q in db.Warehouses.Where(x => x.Id == r.QuarantineWarehouseId).DefaultIfEmpty()
            select new { Receipt = r, OrderNumber = o.Number, SupplierName = s.Name, WarehouseCode = w.Code, QuarantineCode = q == null ? null : q.Code })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var lines = await (
            from l in db.Set<GoodsReceiptLine>().AsNoTracking()
            where l.ReceiptId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            orderby l.LineNumber
            select new GoodsReceiptLineDto(l.LineNumber, l.OrderLineNumber, p.Code, p.Name, p.IsBatchTracked, l.Unit, l.AcceptedQuantity, l.RejectedQuantity,
                l.RejectReason, l.Disposition, l.BatchNumber, l.ExpiryDate, l.BaseUnitCost, l.PostedValue)).ToListAsync(cancellationToken);
        var timeline = await db.Set<GoodsReceiptEvent>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Status, e.At, e.UserName, e.Comment }).ToListAsync(cancellationToken);
        var receipt = header.Receipt;
        return new GoodsReceiptDto(receipt.Id, receipt.Number, receipt.Status, receipt.PurchaseOrderId, header.OrderNumber, header.SupplierName,
            receipt.WarehouseId, header.WarehouseCode, receipt.QuarantineWarehouseId, header.QuarantineCode, receipt.ReceivedOn, receipt.Comment,
            receipt.Version, receipt.CreatedAt, receipt.PostedAt, lines,
            [.. timeline.Select(e => new PurchasingEventDto(e.Status.ToString(), e.At, e.UserName, e.Comment))]);
    }

    public async Task<PagedResult<PurchaseRequisitionSummaryDto>> GetRequisitionsAsync(PurchaseRequisitionListQuery query, CancellationToken cancellationToken = default)
    {
        var rows = db.Set<PurchaseRequisition>().AsNoTracking().IgnoreAutoIncludes();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Paging.Contains(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.Number, pattern) || (r.Comment != null && EF.Functions.ILike(r.Comment, pattern)));
        }
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        return await RequisitionSorts.Apply(rows, query.Sort, query.Desc).ToPageAsync(query, r => new PurchaseRequisitionSummaryDto(
            r.Id, r.Number, r.Status, db.Warehouses.Where(w => w.Id == r.WarehouseId).Select(w => w.Code).First(),
            db.Set<PurchaseRequisitionLine>().Count(l => l.RequisitionId == r.Id), r.Comment, r.CreatedAt), cancellationToken);
    }

    public async Task<PurchaseRequisitionDto?> FindRequisitionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var header = await (
            from r in db.Set<PurchaseRequisition>().AsNoTracking().IgnoreAutoIncludes()
            where r.Id == id
            join w in db.Warehouses on r.WarehouseId equals w.Id
            select new { Requisition = r, WarehouseCode = w.Code }).FirstOrDefaultAsync(cancellationToken);
        if (header is null) return null;
        var lines = await (
            from l in db.Set<PurchaseRequisitionLine>().AsNoTracking()
            where l.RequisitionId == id
            join p in db.Products.IgnoreAutoIncludes() on l.ProductId equals p.Id
            from o in db.Set<PurchaseOrder>().IgnoreAutoIncludes().Where(o => o.Id == l.PurchaseOrderId).DefaultIfEmpty()
            orderby l.LineNumber
            select new PurchaseRequisitionLineDto(l.LineNumber, p.Code, p.Name, l.Quantity, p.BaseUnit, l.NeededBy, l.Reason, l.PurchaseOrderId,
                o == null ? null : o.Number)).ToListAsync(cancellationToken);
        var timeline = await db.Set<PurchaseRequisitionEvent>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Status, e.At, e.UserName, e.Comment }).ToListAsync(cancellationToken);
        var requisition = header.Requisition;
        return new PurchaseRequisitionDto(requisition.Id, requisition.Number, requisition.Status, requisition.WarehouseId, header.WarehouseCode,
            requisition.Comment, requisition.Version, requisition.CreatedAt, lines,
            [.. timeline.Select(e => new PurchasingEventDto(e.Status.ToString(), e.At, e.UserName, e.Comment))],
            requisition.SourceId, requisition.SourceNumber, requisition.SourceLine, requisition.SourceType);
    }

    public async Task<PurchasingOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        var suppliers = await db.Suppliers.AsNoTracking().IgnoreAutoIncludes().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new PurchasingOptionDto(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.IsActive).OrderByDescending(w => w.IsDefault).ThenBy(w => w.Code)
            .Select(w => new PurchasingWarehouseDto(w.Id, w.Code, w.Name, w.IsQuarantine)).ToListAsync(cancellationToken);
        var taxRates = await db.TaxRates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Rate)
            .Select(t => new PurchasingTaxRateDto(t.Id, t.Code, t.Name, t.Rate)).ToListAsync(cancellationToken);
        return new PurchasingOptionsDto(suppliers, warehouses, taxRates);
    }

    private sealed class OrderRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public PurchaseOrderStatus Status { get; init; }
        public Guid SupplierId { get; init; }
        public string SupplierCode { get; init; } = null!;
        public string SupplierName { get; init; } = null!;
        public string WarehouseCode { get; init; } = null!;
        public DateOnly OrderDate { get; init; }
        public string CurrencyCode { get; init; } = null!;
        public decimal TotalAmount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? Comment { get; init; }
    }

    private sealed class ReceiptRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = null!;
        public GoodsReceiptStatus Status { get; init; }
        public Guid PurchaseOrderId { get; init; }
        public string OrderNumber { get; init; } = null!;
        public string SupplierName { get; init; } = null!;
        public string WarehouseCode { get; init; } = null!;
        public DateOnly ReceivedOn { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? PostedAt { get; init; }
    }
}
