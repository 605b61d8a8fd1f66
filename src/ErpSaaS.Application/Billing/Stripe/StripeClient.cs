using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Billing.Stripe;

/// <summary>What a Checkout session in subscription mode is opened with.</summary>
public sealed record StripeCheckoutRequest(
    Guid TenantId, string PriceId, string SuccessUrl, string CancelUrl, string? CustomerId = null, string? CustomerEmail = null,
    string? IdempotencyKey = null);

/// <summary>
/// The few Stripe API calls billing needs, over a typed HttpClient: form-encoded bodies, the pinned API version,
/// an Idempotency-Key on every POST (the same key on each retry), and retries as Stripe advises — connection
/// errors, 409, 429 and 5xx, or whatever Stripe-Should-Retry says — with capped exponential backoff and jitter.
/// Stripe's errors surface as <see cref="StripeException"/>.
/// </summary>
public sealed class StripeClient(HttpClient http, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeClient> logger)
{
    private readonly StripeOptions _options = options.Value;

    public Task<StripeCustomer> CreateCustomerAsync(string email, string name, Guid tenantId, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<StripeCustomer>("v1/customers", new StripeForm
        {
            ["email"] = email,
            ["name"] = name,
            ["metadata"] = new StripeForm { ["tenant_id"] = tenantId.ToString() },
        }, idempotencyKey, cancellationToken);

    public Task<StripeCheckoutSession> CreateCheckoutSessionAsync(StripeCheckoutRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<StripeCheckoutSession>("v1/checkout/sessions", new StripeForm
        {
            ["mode"] = "subscription",
            ["line_items"] = new[] { new StripeForm { ["price"] = request.PriceId, ["quantity"] = 1 } },
            ["client_reference_id"] = request.TenantId.ToString(),
            // An existing customer is reused, so one tenant never becomes two customers.
            ["customer"] = request.CustomerId,
            ["customer_email"] = request.CustomerId is null ? request.CustomerEmail : null,
            ["success_url"] = request.SuccessUrl,
            ["cancel_url"] = request.CancelUrl,
            ["subscription_data"] = new StripeForm { ["metadata"] = new StripeForm { ["tenant_id"] = request.TenantId.ToString() } },
            ["metadata"] = new StripeForm { ["tenant_id"] = request.TenantId.ToString() },
        }, request.IdempotencyKey, cancellationToken);

    public Task<StripePortalSession> CreatePortalSessionAsync(string customerId, string returnUrl, CancellationToken cancellationToken = default) =>
        PostAsync<StripePortalSession>("v1/billing_portal/sessions", new StripeForm { ["customer"] = customerId, ["return_url"] = returnUrl },
            null, cancellationToken);

    public Task<StripeSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<StripeSubscription>(HttpMethod.Get, $"v1/subscriptions/{Uri.EscapeDataString(subscriptionId)}", null, null, cancellationToken);

    /// <summary>Moves the subscription's item to another price, prorated.</summary>
    public Task<StripeSubscription> ChangePriceAsync(string subscriptionId, string itemId, string priceId, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<StripeSubscription>($"v1/subscriptions/{Uri.EscapeDataString(subscriptionId)}", new StripeForm
        {
            ["items"] = new[] { new StripeForm { ["id"] = itemId, ["price"] = priceId } },
            ["proration_behavior"] = "create_prorations",
        }, idempotencyKey, cancellationToken);

    /// <summary>Cancels at the end of the paid period (or takes that back with <paramref name="cancel"/> false).</summary>
    public Task<StripeSubscription> SetCancelAtPeriodEndAsync(string subscriptionId, bool cancel, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<StripeSubscription>($"v1/subscriptions/{Uri.EscapeDataString(subscriptionId)}",
            new StripeForm { ["cancel_at_period_end"] = cancel }, idempotencyKey, cancellationToken);

    /// <summary>Cancels now.</summary>
    public Task<StripeSubscription> CancelNowAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<StripeSubscription>(HttpMethod.Delete, $"v1/subscriptions/{Uri.EscapeDataString(subscriptionId)}", null, null, cancellationToken);

    public async Task<IReadOnlyList<StripeInvoice>> ListInvoicesAsync(string customerId, int limit = 24, CancellationToken cancellationToken = default) =>
        (await SendAsync<StripeList<StripeInvoice>>(HttpMethod.Get,
            $"v1/invoices?customer={Uri.EscapeDataString(customerId)}&limit={limit.ToString(CultureInfo.InvariantCulture)}", null, null,
            cancellationToken)).Data;

    private Task<T> PostAsync<T>(string path, StripeForm form, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, form, idempotencyKey ?? Guid.NewGuid().ToString("N"), cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, StripeForm? form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.SecretKey))
        {
            throw new InvalidOperationException("Stripe is not configured (Stripe:SecretKey).");
        }
        var body = form?.ToString();
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SecretKey);
            request.Headers.Add("Stripe-Version", StripeOptions.ApiVersion);
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt < _options.MaxRetries)
                {
                    await BackOffAsync(attempt, method, path, "connection error", cancellationToken);
                    continue;
                }
                throw new StripeException(null, null, null, $"Stripe could not be reached: {error.Message}", inner: error);
            }

            using (response)
            {
                var content = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonSerializer.Deserialize<T>(content, StripeJson.Options)
                           ?? throw new StripeException(response.StatusCode, "api_error", null, "Stripe answered with an empty body.");
                }
                if (ShouldRetry(response) && attempt < _options.MaxRetries)
                {
                    await BackOffAsync(attempt, method, path, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), cancellationToken);
                    continue;
                }
                throw ToException(response, content);
            }
        }
    }

    /// <summary>Stripe-Should-Retry decides when present; otherwise 409 (a conflict, often a concurrent idempotent request), 429 and 5xx.</summary>
    internal static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            return string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        }
        var status = (int)response.StatusCode;
        return status is 409 or 429 || status >= 500;
    }

    private async Task BackOffAsync(int attempt, HttpMethod method, string path, string reason, CancellationToken cancellationToken)
    {
        var cap = _options.MaxRetryDelay.TotalMilliseconds;
        var exponential = Math.Min(cap, _options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, attempt));
        // Half fixed, half random, so clients that failed together do not retry together.
        var delay = TimeSpan.FromMilliseconds(exponential / 2 + Random.Shared.NextDouble() * exponential / 2);
        logger.LogWarning("Stripe {Method} {Path} failed ({Reason}); retry {Retry} in {Delay} ms",
            method.Method, path.Split('?')[0], reason, attempt + 1, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, clock, cancellationToken);
    }

    private static StripeException ToException(HttpResponseMessage response, string content)
    {
        var requestId = response.Headers.TryGetValues("Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                string? Read(string name) => error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                return new StripeException(response.StatusCode, Read("type"), Read("code"), Read("message") ?? response.ReasonPhrase ?? "Stripe error",
                    Read("param"), requestId);
            }
        }
        catch (JsonException)
        {
            // Not Stripe's envelope (a proxy's error page): report the status alone.
        }
        return new StripeException(response.StatusCode, "api_error", null, $"Stripe answered {(int)response.StatusCode} without an error object.",
            requestId: requestId);
    }
}
