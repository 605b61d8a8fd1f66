using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSaaS.Billing.Stripe;

/// <summary>How Stripe's JSON reads: snake_case names, timestamps as Unix seconds.</summary>
public static class StripeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static DateTimeOffset FromUnix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}

public sealed record StripeCustomer(string Id, string? Email, string? Name, Dictionary<string, string>? Metadata);

public sealed record StripeCheckoutSession(
    string Id, string? Url, string? Mode, string? Status, string? Customer, string? Subscription, string? ClientReferenceId,
    Dictionary<string, string>? Metadata);

public sealed record StripePortalSession(string Id, string Url, string Customer);

public sealed record StripeRecurring(string Interval, int IntervalCount);

public sealed record StripePrice(string Id, StripeRecurring? Recurring, long? UnitAmount, string? Currency);

public sealed record StripeSubscriptionItem(string Id, StripePrice Price, long CurrentPeriodStart, long CurrentPeriodEnd, int? Quantity);

public sealed record StripeList<T>(List<T> Data, bool HasMore);

/// <summary>A subscription as of API 2025-03-31.basil: the billing period lives on each item.</summary>
public sealed record StripeSubscription(
    string Id, string Customer, string Status, bool CancelAtPeriodEnd, long? CanceledAt, long? EndedAt, long? TrialEnd,
    StripeList<StripeSubscriptionItem> Items, Dictionary<string, string>? Metadata, JsonElement? LatestInvoice)
{
    public StripeSubscriptionItem? FirstItem => Items.Data.Count > 0 ? Items.Data[0] : null;

    /// <summary>latest_invoice is an id, or the invoice when expanded.</summary>
    public string? LatestInvoiceId => LatestInvoice switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        { ValueKind: JsonValueKind.Object } invoice when invoice.TryGetProperty("id", out var id) => id.GetString(),
        _ => null,
    };
}

public sealed record StripeInvoice(
    string Id, string? Customer, string? Number, string? Status, long AmountDue, long AmountPaid, string Currency,
    long PeriodStart, long PeriodEnd, string? HostedInvoiceUrl, long Created);

/// <summary>A webhook event: its id, type and the object it is about (data.object).</summary>
public sealed record StripeEvent(string Id, string Type, long Created, StripeEventData Data);

public sealed record StripeEventData([property: JsonPropertyName("object")] JsonElement Subject);
