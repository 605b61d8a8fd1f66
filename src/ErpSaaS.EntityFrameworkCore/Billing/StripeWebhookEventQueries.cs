using ErpSaaS.Billing;
using Microsoft.EntityFrameworkCore;

namespace ErpSaaS.EntityFrameworkCore.Billing;

internal sealed class StripeWebhookEventQueries(ErpDbContext db) : IStripeWebhookEventQueries
{
    public async Task<IReadOnlyList<StripeWebhookEvent>> ListAsync(WebhookEventStatus? status, int take, CancellationToken cancellationToken = default) =>
        await db.StripeWebhookEvents.AsNoTracking()
            .Where(e => status == null || e.Status == status)
            .OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.StripeCreatedAt)
            .Take(take)
            .ToListAsync(cancellationToken);

    public Task<StripeWebhookEvent?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.StripeWebhookEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
}
