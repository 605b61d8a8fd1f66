using ErpSaaS.Billing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Billing;

internal sealed class BillingRepository(ErpDbContext db) : IBillingRepository
{
    public Task<Subscription?> FindSubscriptionAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.Subscriptions.FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);

    public Task<Subscription?> FindSubscriptionByStripeAsync(string? customerId, string? subscriptionId, CancellationToken cancellationToken = default) =>
        db.Subscriptions.FirstOrDefaultAsync(s => (subscriptionId != null && s.StripeSubscriptionId == subscriptionId)
                                                  || (customerId != null && s.StripeCustomerId == customerId), cancellationToken);

    public void Add(Subscription subscription) => db.Subscriptions.Add(subscription);

    public void Add(BillingInvoice invoice) => db.BillingInvoices.Add(invoice);

    public void Add(BankTransferOrder order) => db.BankTransferOrders.Add(order);

    public void Add(StripeWebhookEvent webhookEvent) => db.StripeWebhookEvents.Add(webhookEvent);

    public Task<BillingInvoice?> FindInvoiceByExternalIdAsync(string externalId, CancellationToken cancellationToken = default) =>
        db.BillingInvoices.FirstOrDefaultAsync(i => i.ExternalId == externalId, cancellationToken);

    public Task<BankTransferOrder?> FindBankTransferAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.BankTransferOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<StripeWebhookEvent?> FindWebhookEventAsync(string eventId, CancellationToken cancellationToken = default) =>
        db.StripeWebhookEvents.FirstOrDefaultAsync(e => e.EventId == eventId, cancellationToken);
}
