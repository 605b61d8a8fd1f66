using ErpSaaS.Common;
using ErpSaaS.Catalog;

namespace ErpSaaS.Purchasing;

/// <summary>Purchase orders and goods receipts of the current tenant, loaded whole (lines and timeline).</summary>
public interface IPurchasingRepository
{
    Task<PurchaseOrder?> FindOrderAsync(Guid id, CancellationToken cancellationToken = default);
    Task<GoodsReceipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The document an earlier submit of the same form created, if any. Call inside the saving transaction: it holds a
    /// lock on the request id until commit, so two submits racing each other create one document, not two.
    /// </summary>
    Task<Guid?> ClaimRequestAsync(Guid requestId, CancellationToken cancellationToken = default);

    Task<PurchaseRequisition?> FindRequisitionAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PurchaseInvoice?> FindInvoiceAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The invoice one of whose payments has this id.</summary>
    Task<PurchaseInvoice?> FindInvoiceOfPaymentAsync(Guid paymentId, CancellationToken cancellationToken = default);

    /// <summary>The requisitions raised for a document's lines (see <see cref="PurchaseRequisition.SourceId"/>), cancelled ones included.</summary>
    Task<IReadOnlyList<PurchaseRequisition>> GetRequisitionsRaisedForAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken = default);

    /// <summary>Serializes raising needs for one source document until commit, so two attempts at once raise one requisition per line.</summary>
    Task LockSourceAsync(Guid sourceId, CancellationToken cancellationToken = default);

    void Add(PurchaseOrder order);
    void Add(PurchaseInvoice invoice);
    void Add(PurchaseReturn purchaseReturn);
    void Add(PurchaseRequisition requisition);
    void Add(GoodsReceipt receipt);
}

/// <summary>What purchase order lines default from: the supplier's listing of a product and the last price paid to it.</summary>
public interface IPurchasingLookups
{
    Task<Supplier?> FindSupplierAsync(Guid id, CancellationToken cancellationToken = default);
    Task<SupplierProduct?> FindSupplierProductAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default);

    /// <summary>The unit price of one base unit on the latest approved order of this product from this supplier, in the order's currency.</summary>
    Task<(decimal BaseUnitPrice, string Currency)?> FindLastPriceAsync(Guid supplierId, Guid productId, CancellationToken cancellationToken = default);

    Task<TaxRate?> FindTaxRateAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The product's listing marked preferred among its suppliers, if any.</summary>
    Task<SupplierProduct?> FindPreferredListingAsync(Guid productId, CancellationToken cancellationToken = default);
}

public static class PurchasingRepositoryExtensions
{
    /// <summary>The order, or not found (a 404 to the caller) when the company has none with that id.</summary>
    public static async Task<PurchaseOrder> GetOrderAsync(this IPurchasingRepository repository, Guid id, CancellationToken cancellationToken = default) =>
        await repository.FindOrderAsync(id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PurchaseOrder), id);
}
