using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Billing.Stripe;

public enum StripeWebhookReceipt
{
    /// <summary>Stored and queued for processing.</summary>
    Accepted = 0,

    /// <summary>Seen before (Stripe delivers at least once): nothing changed.</summary>
    Duplicate = 1,

    /// <summary>Signature missing, forged or stale, or not an event.</summary>
    Invalid = 2,
}

/// <summary>The outbox payload that has a stored webhook event applied.</summary>
public sealed record StripeEventMessage(string EventId)
{
    public const string OutboxType = "stripe.event";
}

/// <summary>
/// Takes a webhook delivery: verifies it, stores the event once per event id and queues its processing in the
/// same transaction, so the answer to Stripe can be immediate and the work survives a crash. Host-side.
/// </summary>
public sealed class StripeWebhookReceiver(
    IBillingRepository billing, IUnitOfWork unitOfWork, IOutbox outbox, StripeSignatureVerifier verifier, IOptions<StripeOptions> options,
    IServiceScopeFactory scopes, ErpSaaS.Permissions.IPermissionChecker permissions, TimeProvider clock, ILogger<StripeWebhookReceiver> logger)
{
    public async Task<StripeWebhookReceipt> ReceiveAsync(string? signatureHeader, byte[] body, CancellationToken cancellationToken = default)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret) || !verifier.IsValid(signatureHeader, body, secret, StripeSignatureVerifier.DefaultTolerance))
        {
            logger.LogWarning("A Stripe webhook with an invalid signature was refused");
            return StripeWebhookReceipt.Invalid;
        }
        StripeEvent? stripeEvent;
        try
        {
            stripeEvent = JsonSerializer.Deserialize<StripeEvent>(body, StripeJson.Options);
        }
        catch (JsonException)
        {
            stripeEvent = null;
        }
        if (stripeEvent is null || string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            logger.LogWarning("A signed Stripe webhook that is not an event was refused");
            return StripeWebhookReceipt.Invalid;
        }
        if (await billing.FindWebhookEventAsync(stripeEvent.Id, cancellationToken) is not null) return StripeWebhookReceipt.Duplicate;

        try
        {
            await unitOfWork.InTransactionAsync(_ =>
            {
                billing.Add(new StripeWebhookEvent(stripeEvent.Id, stripeEvent.Type, System.Text.Encoding.UTF8.GetString(body),
                    StripeJson.FromUnix(stripeEvent.Created), clock.GetUtcNow()));
                outbox.Enqueue(StripeEventMessage.OutboxType, new StripeEventMessage(stripeEvent.Id));
                return Task.FromResult(true);
            }, cancellationToken);
            return StripeWebhookReceipt.Accepted;
        }
        catch (Exception)
        {
            // Delivered twice at the same moment: the unique index let the other delivery win.
            if (await ExistsAsync(stripeEvent.Id, cancellationToken)) return StripeWebhookReceipt.Duplicate;
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IBillingRepository>().FindWebhookEventAsync(eventId, cancellationToken) is not null;
    }

    /// <summary>The operator replays a stored event: it is applied again (idempotently) through the outbox.</summary>
    public async Task ReplayAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpSaaS.Permissions.ErpPermissions.Host.Billing, cancellationToken);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            var stored = await billing.FindWebhookEventAsync(eventId, ct) ?? throw new EntityNotFoundException(nameof(StripeWebhookEvent), eventId);
            stored.Replay();
            outbox.Enqueue(StripeEventMessage.OutboxType, new StripeEventMessage(eventId));
            return true;
        }, cancellationToken);
    }
}
