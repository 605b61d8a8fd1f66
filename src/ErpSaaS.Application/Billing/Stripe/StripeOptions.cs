namespace ErpSaaS.Billing.Stripe;

/// <summary>Configuration section "Stripe". Secrets come from the environment or a secret store, never from files in the repository.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";
    public const string DefaultApiBase = "https://api.stripe.com/";

    /// <summary>The API version every request pins (objects are read in this shape).</summary>
    public const string ApiVersion = "2025-03-31.basil";

    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>Retries after the first attempt (connection errors, 409, 429, 5xx, Stripe-Should-Retry: true).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; doubled per retry, with jitter, capped by <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Without both keys card payment is off: the Stripe option is hidden and bank transfer still works.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    /// <summary>Never the secrets: safe for logs.</summary>
    public override string ToString() => $"Stripe at {ApiBase} (configured: {IsConfigured})";
}
