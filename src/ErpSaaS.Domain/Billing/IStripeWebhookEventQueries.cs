namespace ErpSaaS.Billing;

/// <summary>The operator's reading of the webhook event log (no tracking).</summary>
public interface IStripeWebhookEventQueries
{
    /// <summary>The newest events first, optionally of one status.</summary>
    Task<IReadOnlyList<StripeWebhookEvent>> ListAsync(WebhookEventStatus? status, int take, CancellationToken cancellationToken = default);

    Task<StripeWebhookEvent?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
