using ErpSaaS.Catalog;
using ErpSaaS.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Purchasing;

internal sealed class PurchasingRepository(ErpDbContext db) : IPurchasingRepository
{
    // The first key of the two-key advisory lock: "PURC", so request-id locks never meet other modules' locks.
    private const int RequestLockSpace = 0x50555243;

    public Task<PurchaseOrder?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PurchaseOrder>().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<GoodsReceipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<GoodsReceipt>().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<PurchaseRequisition?> FindRequisitionAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PurchaseRequisition>().AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<PurchaseRequisition>> GetRequisitionsRaisedForAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default) =>
        await db.Set<PurchaseRequisition>().AsSplitQuery().Where(r => r.SourceType == sourceType && r.SourceId == sourceId).ToListAsync(cancellationToken);

    public async Task LockSourceAsync(Guid sourceId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A source document is locked inside the transaction that raises its needs.");
        // "NEED" as the first key keeps these locks apart from request-id locks.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({0x4E454544}, hashtext({sourceId.ToString()}))", cancellationToken);
    }

    public async Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        if (requestId == Guid.Empty) return null;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A form's request id must be claimed inside the transaction that saves the document.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RequestLockSpace}, hashtext({requestId.ToString()}))", cancellationToken);
        return await db.Set<PurchaseOrder>().IgnoreAutoIncludes().Where(o => o.RequestId == requestId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken)
               ?? await db.Set<GoodsReceipt>().IgnoreAutoIncludes().Where(r => r.RequestId == requestId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken)
               ?? await db.Set<PurchaseRequisition>().IgnoreAutoIncludes().Where(r => r.RequestId == requestId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken)
               ?? await db.Set<PurchaseInvoice>().IgnoreAutoIncludes().Where(i => i.RequestId == requestId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken)
               ?? await db.Set<PurchaseReturn>().IgnoreAutoIncludes().Where(r => r.RequestId == requestId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<PurchaseInvoice?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PurchaseInvoice>().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<PurchaseInvoice?> FindInvoiceOfPaymentAsync(Guid paymentId, CancellationToken cancellationToken = default) =>
        db.Set<PurchaseInvoice>().AsSplitQuery().FirstOrDefaultAsync(i => i.Payments.Any(p => p.Id == paymentId), cancellationToken);

    public void Add(PurchaseOrder order) => db.Add(order);

    public void Add(PurchaseInvoice invoice) => db.Add(invoice);

    public void Add(PurchaseReturn purchaseReturn) => db.Add(purchaseReturn);

    public void Add(GoodsReceipt receipt) => db.Add(receipt);

    public void Add(PurchaseRequisition requisition) => db.Add(requisition);
}

internal sealed class PurchasingLookups(ErpDbContext db) : IPurchasingLookups
{
    public Task<Supplier?> FindSupplierAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Suppliers.IgnoreAutoIncludes().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<SupplierProduct?> FindSupplierProductAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default) =>
        db.SupplierProducts.FirstOrDefaultAsync(p => p.SupplierId == supplierId && p.ProductId == productId, cancellationToken);

    public async Task<(decimal BaseUnitPrice, string Currency)?> FindLastPriceAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default)
    {
        var approved = new[]
        {
            PurchaseOrderStatus.Approved, PurchaseOrderStatus.Sent, PurchaseOrderStatus.PartiallyReceived, PurchaseOrderStatus.ToInvoice,
            PurchaseOrderStatus.Completed, PurchaseOrderStatus.Closed,
        };
        var last = await (
            from l in db.Set<PurchaseOrderLine>().AsNoTracking()
            join o in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on l.OrderId equals o.Id
            where o.SupplierId == supplierId && l.ProductId == productId && approved.Contains(o.Status)
            orderby o.ApprovedAt descending, l.LineNumber descending
            select new { l.UnitPrice, l.Quantity, l.BaseQuantity, o.CurrencyCode }).FirstOrDefaultAsync(cancellationToken);
        return last is null
            ? null
            : (decimal.Round(last.UnitPrice * last.Quantity / last.BaseQuantity, PurchasingConsts.UnitPriceScale, MidpointRounding.AwayFromZero), last.CurrencyCode);
    }

    public Task<TaxRate?> FindTaxRateAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.TaxRates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<SupplierProduct?> FindPreferredListingAsync(Guid productId, CancellationToken cancellationToken = default) =>
        db.SupplierProducts.Where(p => p.ProductId == productId && p.IsPreferred).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
}
