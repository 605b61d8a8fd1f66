using System.Globalization;
using System.Net;
using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.Emailing;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Localization;
using ErpSaaS.Outbox;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Billing.Stripe;

/// <summary>
/// Applies a stored webhook event (host-side, from the outbox, retried when it throws). Idempotent and
/// order-independent: where the subscription's state matters it is read again from Stripe rather than taken from
/// the event, so an old or repeated event only ever restores the current state. The outcome is recorded on the
/// event (Processed, Ignored with the reason, Failed with the error).
/// </summary>
public sealed class StripeEventProcessor(
    IBillingRepository billing, IPlanRepository plans, ITenantRepository tenants, IUnitOfWork unitOfWork, StripeClient stripe,
    IServiceScopeFactory scopes, TimeProvider clock) : OutboxHandler<StripeEventMessage>
{
    public override string Type => StripeEventMessage.OutboxType;

    private sealed record Outcome(WebhookEventStatus Status, string Text, Guid? TenantId = null);

    protected override async Task HandleAsync(StripeEventMessage payload, OutboxMessage message, CancellationToken cancellationToken)
    {
        var stored = await billing.FindWebhookEventAsync(payload.EventId, cancellationToken);
        if (stored is null || stored.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored) return;
        var stripeEvent = JsonSerializer.Deserialize<StripeEvent>(stored.Payload, StripeJson.Options)
                          ?? throw new InvalidOperationException($"Stripe event {payload.EventId} has no body.");
        Outcome outcome;
        try
        {
            outcome = await ApplyAsync(stripeEvent, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordAsync(payload.EventId, new Outcome(WebhookEventStatus.Failed, $"{error.GetType().Name}: {error.Message}"), cancellationToken);
            throw; // the outbox retries with backoff
        }
        await RecordAsync(payload.EventId, outcome, cancellationToken);
    }

    private async Task RecordAsync(string eventId, Outcome outcome, CancellationToken cancellationToken)
    {
        // A scope of its own: a failed apply may have left this scope's unit of work unusable.
        await using var scope = scopes.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IBillingRepository>();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var stored = await repository.FindWebhookEventAsync(eventId, ct);
            stored?.Processed(outcome.TenantId, outcome.Status, outcome.Text, clock.GetUtcNow());
            return true;
        }, cancellationToken);
    }

    private Task<Outcome> ApplyAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        var data = stripeEvent.Data.Subject;
        var at = StripeJson.FromUnix(stripeEvent.Created);
        return stripeEvent.Type switch
        {
            "checkout.session.completed" => CheckoutCompletedAsync(data, cancellationToken),
            "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.deleted" =>
                SyncAsync(String(data, "id")!, TenantFromMetadata(data), at, cancellationToken),
            "invoice.paid" => InvoicePaidAsync(data, at, cancellationToken),
            "invoice.payment_failed" => PaymentFailedAsync(data, at, cancellationToken),
            "customer.subscription.trial_will_end" => TrialWillEndAsync(data, cancellationToken),
            _ => Task.FromResult(new Outcome(WebhookEventStatus.Ignored, $"Events of type {stripeEvent.Type} are not used.")),
        };
    }

    private async Task<Outcome> CheckoutCompletedAsync(JsonElement session, CancellationToken cancellationToken)
    {
        if (String(session, "mode") != "subscription") return new(WebhookEventStatus.Ignored, "Not a subscription checkout.");
        var customer = String(session, "customer");
        var subscriptionId = String(session, "subscription");
        Guid? tenantId = Guid.TryParse(String(session, "client_reference_id"), out var referenced) ? referenced : TenantFromMetadata(session);
        if (tenantId is null) return new(WebhookEventStatus.Ignored, $"Checkout session {String(session, "id")} names no tenant.");
        if (customer is null || subscriptionId is null) return new(WebhookEventStatus.Ignored, "Checkout session without customer or subscription.");

        var linked = await unitOfWork.InTransactionAsync(async _ =>
        {
            var subscription = await billing.FindSubscriptionAsync(tenantId.Value, cancellationToken);
            subscription?.LinkStripe(customer, subscriptionId);
            return subscription is not null;
        }, cancellationToken);
        if (!linked) return new(WebhookEventStatus.Ignored, $"Tenant {tenantId} has no subscription.", tenantId);
        return await SyncAsync(subscriptionId, tenantId, null, cancellationToken);
    }

    /// <summary>Brings our subscription in line with Stripe's current copy of it.</summary>
    private async Task<Outcome> SyncAsync(string subscriptionId, Guid? tenantHint, DateTimeOffset? eventAt, CancellationToken cancellationToken)
    {
        var remote = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken);
        var allPlans = await plans.GetAllAsync(cancellationToken);
        return await unitOfWork.InTransactionAsync(async _ =>
        {
            var subscription = await billing.FindSubscriptionByStripeAsync(remote.Customer, remote.Id, cancellationToken);
            if (subscription is null && (TenantFromMetadata(remote.Metadata) ?? tenantHint) is { } tenantId)
            {
                subscription = await billing.FindSubscriptionAsync(tenantId, cancellationToken);
            }
            if (subscription is null)
            {
                return new Outcome(WebhookEventStatus.Ignored, $"No tenant has Stripe customer {remote.Customer} or subscription {remote.Id}.");
            }
            if (subscription.StripeSubscriptionId is { } current && current != remote.Id && remote.Status is "canceled" or "incomplete_expired")
            {
                return new Outcome(WebhookEventStatus.Ignored, $"Subscription {remote.Id} was replaced by {current}.", subscription.TenantId);
            }
            subscription.LinkStripe(remote.Customer, remote.Id);
            var now = clock.GetUtcNow();
            switch (remote.Status)
            {
                case "active" or "trialing":
                    var item = remote.FirstItem;
                    if (item is null) return new Outcome(WebhookEventStatus.Failed, $"Subscription {remote.Id} has no items.", subscription.TenantId);
                    var (plan, interval) = PlanFor(allPlans, item.Price);
                    if (plan is null)
                    {
                        return new Outcome(WebhookEventStatus.Ignored, $"No plan has Stripe price {item.Price.Id}.", subscription.TenantId);
                    }
                    subscription.Activate(plan.Id, interval, PaymentProvider.Stripe,
                        StripeJson.FromUnix(item.CurrentPeriodStart), StripeJson.FromUnix(item.CurrentPeriodEnd));
                    subscription.SetCancelAtPeriodEnd(remote.CancelAtPeriodEnd);
                    return new Outcome(WebhookEventStatus.Processed,
                        $"{remote.Status}: plan {plan.Code} ({interval}) until {StripeJson.FromUnix(item.CurrentPeriodEnd):u}" +
                        (remote.CancelAtPeriodEnd ? ", cancels at period end." : "."), subscription.TenantId);
                case "past_due" or "unpaid":
                    subscription.MarkPastDue(eventAt ?? now);
                    return new Outcome(WebhookEventStatus.Processed, $"{remote.Status}: past due since {subscription.PastDueSince:u}.", subscription.TenantId);
                case "canceled" or "incomplete_expired":
                    subscription.Cancel(remote.EndedAt is { } ended ? StripeJson.FromUnix(ended) : eventAt ?? now);
                    return new Outcome(WebhookEventStatus.Processed, $"{remote.Status}: canceled; the tenant is read-only.", subscription.TenantId);
                default:
                    return new Outcome(WebhookEventStatus.Ignored, $"Stripe status {remote.Status} changes nothing.", subscription.TenantId);
            }
        }, cancellationToken);
    }

    private async Task<Outcome> InvoicePaidAsync(JsonElement data, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var invoice = data.Deserialize<StripeInvoice>(StripeJson.Options)!;
        var subscriptionId = InvoiceSubscription(data);
        var recorded = await unitOfWork.InTransactionAsync(async _ =>
        {
            var subscription = await billing.FindSubscriptionByStripeAsync(invoice.Customer, subscriptionId, cancellationToken);
            if (subscription is null) return (Guid?)null;
            var existing = await billing.FindInvoiceByExternalIdAsync(invoice.Id, cancellationToken);
            if (existing is null)
            {
                var (start, end) = InvoicePeriod(data, invoice);
                existing = new BillingInvoice(subscription.TenantId, PaymentProvider.Stripe, invoice.Number ?? invoice.Id,
                    ToAmount(invoice.AmountPaid, invoice.Currency), invoice.Currency.ToUpperInvariant(), start, end, StripeJson.FromUnix(invoice.Created),
                    invoice.Id, invoice.HostedInvoiceUrl);
                billing.Add(existing);
            }
            existing.MarkPaid(PaidAt(data) ?? at);
            existing.MarkStatus(BillingInvoiceStatus.Paid, invoice.HostedInvoiceUrl);
            return subscription.TenantId;
        }, cancellationToken);
        if (recorded is null) return new(WebhookEventStatus.Ignored, $"No tenant has Stripe customer {invoice.Customer}.");
        if (subscriptionId is null) return new(WebhookEventStatus.Processed, $"Invoice {invoice.Id} recorded as paid.", recorded);
        var synced = await SyncAsync(subscriptionId, recorded, at, cancellationToken);
        return synced with { Text = $"Invoice {invoice.Id} recorded as paid; {synced.Text}", TenantId = recorded };
    }

    private async Task<Outcome> PaymentFailedAsync(JsonElement data, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var invoiceId = String(data, "id");
        var customer = String(data, "customer");
        var subscriptionId = InvoiceSubscription(data);
        if (subscriptionId is null) return new(WebhookEventStatus.Ignored, $"Invoice {invoiceId} belongs to no subscription.");
        var remote = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken);
        // Stripe has moved on (a later payment succeeded, or it was canceled): its current state decides.
        if (remote.Status is not ("active" or "trialing") || remote.LatestInvoiceId != invoiceId)
        {
            return await SyncAsync(subscriptionId, null, at, cancellationToken);
        }
        return await unitOfWork.InTransactionAsync(async _ =>
        {
            var subscription = await billing.FindSubscriptionByStripeAsync(customer, subscriptionId, cancellationToken);
            if (subscription is null) return new Outcome(WebhookEventStatus.Ignored, $"No tenant has Stripe customer {customer}.");
            subscription.MarkPastDue(at);
            return new Outcome(WebhookEventStatus.Processed, $"Payment of invoice {invoiceId} failed: past due since {subscription.PastDueSince:u}.",
                subscription.TenantId);
        }, cancellationToken);
    }

    private async Task<Outcome> TrialWillEndAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var subscription = await billing.FindSubscriptionByStripeAsync(String(data, "customer"), String(data, "id"), cancellationToken);
        if (subscription is null) return new(WebhookEventStatus.Ignored, $"No tenant has Stripe customer {String(data, "customer")}.");
        var tenant = await tenants.FindAsync(subscription.TenantId, cancellationToken);
        if (tenant is null) return new(WebhookEventStatus.Ignored, $"Tenant {subscription.TenantId} no longer exists.");
        var trialEnd = data.TryGetProperty("trial_end", out var end) && end.ValueKind == JsonValueKind.Number
            ? StripeJson.FromUnix(end.GetInt64())
            : subscription.TrialEndsAt ?? clock.GetUtcNow();

        // The tenant's scope: its users, and e-mail queued in its name.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant.Id);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var emails = scope.ServiceProvider.GetRequiredService<IEmailQueue>();
        var admins = (await users.GetUsersInRoleAsync(StaticRoles.Admin)).Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)).ToList();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            foreach (var admin in admins)
            {
                var culture = CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(admin.Language));
                string Text(string key, params object?[] arguments) => string.Format(culture, ErpLocalizationResources.Find(key, culture) ?? key, arguments);
                var date = trialEnd.ToString("d", culture);
                var body = Text("Stripe:TrialEndsBody", tenant.Name, date);
                await emails.QueueAsync(admin.Email!, Text("Stripe:TrialEndsSubject", tenant.Name, date),
                    $"<p>{WebUtility.HtmlEncode(body)}</p>", body, ct);
            }
            return true;
        }, cancellationToken);
        return new(WebhookEventStatus.Processed, $"Trial end reminder queued to {admins.Count} administrator(s).", tenant.Id);
    }

    private static (Plan? Plan, BillingInterval Interval) PlanFor(IEnumerable<Plan> all, StripePrice price)
    {
        foreach (var plan in all)
        {
            if (plan.StripeMonthlyPriceId == price.Id) return (plan, BillingInterval.Monthly);
            if (plan.StripeYearlyPriceId == price.Id) return (plan, BillingInterval.Yearly);
        }
        return (null, price.Recurring?.Interval == "year" ? BillingInterval.Yearly : BillingInterval.Monthly);
    }

    /// <summary>Since 2025-03-31.basil an invoice names its subscription under parent.subscription_details; before, at the top.</summary>
    private static string? InvoiceSubscription(JsonElement invoice)
    {
        if (invoice.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty("subscription_details", out var details) && details.ValueKind == JsonValueKind.Object
            && String(details, "subscription") is { } id)
        {
            return id;
        }
        return String(invoice, "subscription");
    }

    private static (DateTimeOffset Start, DateTimeOffset End) InvoicePeriod(JsonElement data, StripeInvoice invoice)
    {
        if (data.TryGetProperty("lines", out var lines) && lines.TryGetProperty("data", out var items) && items.ValueKind == JsonValueKind.Array
            && items.GetArrayLength() > 0 && items[0].TryGetProperty("period", out var period)
            && period.TryGetProperty("start", out var start) && period.TryGetProperty("end", out var end))
        {
            return (StripeJson.FromUnix(start.GetInt64()), StripeJson.FromUnix(end.GetInt64()));
        }
        return (StripeJson.FromUnix(invoice.PeriodStart), StripeJson.FromUnix(invoice.PeriodEnd));
    }

    private static DateTimeOffset? PaidAt(JsonElement data) =>
        data.TryGetProperty("status_transitions", out var transitions) && transitions.ValueKind == JsonValueKind.Object
        && transitions.TryGetProperty("paid_at", out var paid) && paid.ValueKind == JsonValueKind.Number
            ? StripeJson.FromUnix(paid.GetInt64())
            : null;

    // Stripe counts in the currency's smallest unit; these currencies have none below the unit.
    private static readonly HashSet<string> ZeroDecimal = ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static decimal ToAmount(long minorUnits, string currency) =>
        ZeroDecimal.Contains(currency.ToLowerInvariant()) ? minorUnits : minorUnits / 100m;

    private static Guid? TenantFromMetadata(JsonElement element) =>
        element.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && Guid.TryParse(String(metadata, "tenant_id"), out var id) ? id : null;

    private static Guid? TenantFromMetadata(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("tenant_id", out var value) && Guid.TryParse(value, out var id) ? id : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
                _ => null,
            }
            : null;
}
