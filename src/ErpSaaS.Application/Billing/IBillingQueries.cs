using ErpSaaS.Common;

namespace ErpSaaS.Billing;

/// <summary>Read side of billing (host tables: subscriptions, invoices, bank-transfer orders), projected for screens.</summary>
public interface IBillingQueries
{
    Task<SubscriptionDto?> FindSubscriptionAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; every tenant's when <paramref name="tenantId"/> is null.</summary>
    Task<IReadOnlyList<BillingInvoiceDto>> GetInvoicesAsync(Guid? tenantId, int count, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BankTransferOrderDto>> GetTransfersOfTenantAsync(Guid tenantId, BankTransferStatus? status, int count, CancellationToken cancellationToken = default);

    Task<PagedResult<BankTransferOrderDto>> GetTransfersAsync(PaymentListQuery query, CancellationToken cancellationToken = default);

    Task<BillingFiguresDto> GetFiguresAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>
/// Gap-free numbers of the platform's own invoices ("INV-{yyyy}-{00000}", counted per year across all tenants).
/// Taken inside the transaction that saves the invoice, so a rolled-back invoice gives its number back.
/// </summary>
public interface IBillingInvoiceNumbers
{
    Task<string> NextAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
