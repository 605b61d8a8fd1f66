using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ErpSaaS.Billing.Stripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSaaS.Web.Tests.Stripe;

/// <summary>How the stand-in fails the next calls, to exercise the client's retries.</summary>
public enum StandInFailure
{
    ServerError = 500,
    Conflict = 409,
    TooManyRequests = 429,
    BadRequest = 400,
    ConnectionReset = 0,
}

/// <summary>
/// Stripe for tests: a Kestrel app on 127.0.0.1 (a free port) with the endpoints billing uses, state in memory,
/// idempotency keys honoured (same key → same answer, no second object), Stripe's error envelope, failures to
/// inject, objects shaped like Stripe's (API 2025-03-31.basil: periods on the items), and signed webhooks sent to
/// the app. Tests only.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin";
    public const string WebhookSecret = "whsec_standin";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly object _lock = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _idempotent = new();
    private readonly Queue<StandInFailure> _failures = new();
    private int _sequence;

    public Dictionary<string, JsonObject> Customers { get; } = [];
    public Dictionary<string, JsonObject> Sessions { get; } = [];
    public Dictionary<string, JsonObject> Subscriptions { get; } = [];
    public Dictionary<string, JsonObject> Invoices { get; } = [];

    /// <summary>Known prices and their interval ("month" / "year").</summary>
    public Dictionary<string, string> Prices { get; } = [];

    /// <summary>Every request as received: method, path and query, headers, form body.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    private StripeStandIn(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public static async Task<StripeStandIn> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app, clock);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return standIn;
    }

    public StripeOptions Options(int maxRetries = 3) => new()
    {
        SecretKey = SecretKey, WebhookSecret = WebhookSecret, ApiBase = BaseUri.ToString(), MaxRetries = maxRetries,
        InitialRetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(40),
    };

    /// <summary>The next <paramref name="count"/> calls fail this way.</summary>
    public void FailNext(int count, StandInFailure failure)
    {
        lock (_lock) for (var i = 0; i < count; i++) _failures.Enqueue(failure);
    }

    public string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence).ToString("D6", CultureInfo.InvariantCulture)}";

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    private async Task HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var fields = form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? [];
        Requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString,
            http.Request.Headers.Authorization.ToString(), http.Request.Headers["Stripe-Version"].ToString(),
            http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null, fields));

        StandInFailure? failure = null;
        lock (_lock) if (_failures.Count > 0) failure = _failures.Dequeue();
        switch (failure)
        {
            case StandInFailure.ConnectionReset:
                http.Abort();
                return;
            case StandInFailure.ServerError:
                await WriteAsync(http, 500, Error("api_error", null, "Something went wrong on Stripe's end."));
                return;
            case StandInFailure.Conflict:
                await WriteAsync(http, 409, Error("idempotency_error", null, "A request with this key is in progress."));
                return;
            case StandInFailure.TooManyRequests:
                await WriteAsync(http, 429, Error("invalid_request_error", "rate_limit", "Too many requests hit the API too quickly."));
                return;
            case StandInFailure.BadRequest:
                await WriteAsync(http, 400, Error("invalid_request_error", "parameter_invalid", "Invalid request.", "email"));
                return;
        }

        if (http.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await WriteAsync(http, 401, Error("invalid_request_error", null, "Invalid API Key provided."));
            return;
        }
        var idempotencyKey = http.Request.Method == "POST" ? http.Request.Headers["Idempotency-Key"].ToString() : "";
        if (idempotencyKey.Length > 0 && _idempotent.TryGetValue(idempotencyKey, out var earlier))
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            await WriteAsync(http, earlier.Status, earlier.Body);
            return;
        }
        var (status, body) = Route(http.Request.Method, http.Request.Path.Value ?? "", http.Request.Query, fields);
        if (idempotencyKey.Length > 0) _idempotent[idempotencyKey] = (status, body);
        await WriteAsync(http, status, body);
    }

    private (int Status, string Body) Route(string method, string path, IQueryCollection query, Dictionary<string, string> form)
    {
        lock (_lock)
        {
            var segments = path.Trim('/').Split('/');
            return (method, segments) switch
            {
                ("POST", ["v1", "customers"]) => Ok(CreateCustomer(form)),
                ("POST", ["v1", "checkout", "sessions"]) => CreateSession(form),
                ("POST", ["v1", "billing_portal", "sessions"]) => Customers.ContainsKey(form.GetValueOrDefault("customer") ?? "")
                    ? Ok(new JsonObject
                    {
                        ["id"] = NewId("bps"), ["object"] = "billing_portal.session", ["customer"] = form["customer"],
                        ["return_url"] = form.GetValueOrDefault("return_url"), ["url"] = "https://billing.stripe.test/session/" + NewId("p"),
                        ["created"] = Now, ["livemode"] = false,
                    })
                    : Missing("customer", form.GetValueOrDefault("customer")),
                ("GET", ["v1", "subscriptions", var id]) => Subscriptions.TryGetValue(id, out var s) ? Ok(s) : Missing("subscription", id),
                ("POST", ["v1", "subscriptions", var id]) => UpdateSubscription(id, form),
                ("DELETE", ["v1", "subscriptions", var id]) => Subscriptions.TryGetValue(id, out var s)
                    ? Ok(SetStatus(s, "canceled"))
                    : Missing("subscription", id),
                ("GET", ["v1", "invoices"]) => Ok(new JsonObject
                {
                    ["object"] = "list", ["url"] = "/v1/invoices", ["has_more"] = false,
                    ["data"] = new JsonArray(Invoices.Values.Where(i => (string?)i["customer"] == query["customer"].ToString())
                        .Select(i => (JsonNode)i.DeepClone()).ToArray()),
                }),
                _ => (404, Error("invalid_request_error", null, $"Unrecognized request URL ({method}: {path}).")),
            };
        }
    }

    private JsonObject CreateCustomer(Dictionary<string, string> form)
    {
        var customer = new JsonObject
        {
            ["id"] = NewId("cus"), ["object"] = "customer", ["email"] = form.GetValueOrDefault("email"), ["name"] = form.GetValueOrDefault("name"),
            ["created"] = Now, ["livemode"] = false, ["metadata"] = Metadata(form, "metadata"),
        };
        Customers[(string)customer["id"]!] = customer;
        return customer;
    }

    private (int, string) CreateSession(Dictionary<string, string> form)
    {
        var price = form.GetValueOrDefault("line_items[0][price]");
        if (price is null || !Prices.ContainsKey(price))
        {
            return (400, Error("invalid_request_error", "resource_missing", $"No such price: '{price}'", "line_items[0][price]"));
        }
        if (form.GetValueOrDefault("customer") is { } customer && !Customers.ContainsKey(customer)) return Missing("customer", customer);
        var id = NewId("cs_test");
        var session = new JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = form.GetValueOrDefault("mode"), ["status"] = "open",
            ["payment_status"] = "unpaid", ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["customer"] = form.GetValueOrDefault("customer"), ["customer_email"] = form.GetValueOrDefault("customer_email"),
            ["subscription"] = null, ["success_url"] = form.GetValueOrDefault("success_url"), ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["url"] = "https://checkout.stripe.test/c/pay/" + id, ["created"] = Now, ["expires_at"] = Now + 86400, ["livemode"] = false,
            ["metadata"] = Metadata(form, "metadata"),
            // Kept to create the subscription when the customer completes the checkout.
            ["__price"] = price, ["__subscription_metadata"] = Metadata(form, "subscription_data[metadata]"),
        };
        Sessions[id] = session;
        return Ok(session);
    }

    /// <summary>The customer pays: the customer (if new) and an active subscription exist; returns the completed session.</summary>
    public JsonObject CompleteCheckout(string sessionId, string status = "active")
    {
        lock (_lock)
        {
            var session = Sessions[sessionId];
            var customer = (string?)session["customer"] ?? (string)CreateCustomer(new() { ["email"] = (string?)session["customer_email"] ?? "" })["id"]!;
            var subscription = NewSubscription(customer, (string)session["__price"]!, status, (JsonObject)session["__subscription_metadata"]!.DeepClone());
            session["customer"] = customer;
            session["subscription"] = subscription["id"]!.GetValue<string>();
            session["status"] = "complete";
            session["payment_status"] = "paid";
            return Public(session);
        }
    }

    public JsonObject NewSubscription(string customer, string price, string status, JsonObject? metadata = null)
    {
        lock (_lock)
        {
            var id = NewId("sub");
            var start = Now;
            var end = Prices[price] == "year" ? _clock.GetUtcNow().AddYears(1).ToUnixTimeSeconds() : _clock.GetUtcNow().AddMonths(1).ToUnixTimeSeconds();
            var subscription = new JsonObject
            {
                ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status, ["cancel_at_period_end"] = false,
                ["canceled_at"] = null, ["ended_at"] = null, ["trial_end"] = null, ["created"] = start, ["currency"] = "cny",
                ["collection_method"] = "charge_automatically", ["livemode"] = false, ["metadata"] = metadata ?? new JsonObject(),
                ["latest_invoice"] = null,
                ["items"] = new JsonObject
                {
                    ["object"] = "list", ["has_more"] = false, ["url"] = $"/v1/subscription_items?subscription={id}",
                    ["data"] = new JsonArray(Item(id, price, start, end)),
                },
            };
            Subscriptions[id] = subscription;
            return subscription;
        }
    }

    private JsonObject Item(string subscription, string price, long start, long end) => new()
    {
        ["id"] = NewId("si"), ["object"] = "subscription_item", ["subscription"] = subscription, ["quantity"] = 1, ["created"] = start,
        ["current_period_start"] = start, ["current_period_end"] = end, ["metadata"] = new JsonObject(),
        ["price"] = new JsonObject
        {
            ["id"] = price, ["object"] = "price", ["active"] = true, ["currency"] = "cny", ["type"] = "recurring", ["unit_amount"] = 89900,
            ["recurring"] = new JsonObject { ["interval"] = Prices[price], ["interval_count"] = 1, ["usage_type"] = "licensed" },
        },
    };

    private (int, string) UpdateSubscription(string id, Dictionary<string, string> form)
    {
        if (!Subscriptions.TryGetValue(id, out var subscription)) return Missing("subscription", id);
        if (form.GetValueOrDefault("items[0][price]") is { } price)
        {
            if (!Prices.ContainsKey(price)) return (400, Error("invalid_request_error", "resource_missing", $"No such price: '{price}'", "items[0][price]"));
            var item = (JsonObject)subscription["items"]!["data"]![0]!;
            if ((string?)item["id"] != form.GetValueOrDefault("items[0][id]")) return Missing("subscription_item", form.GetValueOrDefault("items[0][id]"));
            item["price"] = Item(id, price, 0, 0)["price"]!.DeepClone();
        }
        if (form.GetValueOrDefault("cancel_at_period_end") is { } cancel) subscription["cancel_at_period_end"] = cancel == "true";
        return Ok(subscription);
    }

    /// <summary>Moves a subscription to another status the way Stripe would (canceled ends it now).</summary>
    public JsonObject SetStatus(JsonObject subscription, string status)
    {
        lock (_lock)
        {
            subscription["status"] = status;
            if (status == "canceled")
            {
                subscription["canceled_at"] = Now;
                subscription["ended_at"] = Now;
            }
            return subscription;
        }
    }

    /// <summary>An invoice of the subscription (basil shape: the subscription under parent.subscription_details).</summary>
    public JsonObject NewInvoice(JsonObject subscription, string status, long amount = 89900)
    {
        lock (_lock)
        {
            var item = subscription["items"]!["data"]![0]!;
            var id = NewId("in");
            var invoice = new JsonObject
            {
                ["id"] = id, ["object"] = "invoice", ["customer"] = (string?)subscription["customer"], ["number"] = "STAND-" + id[3..],
                ["status"] = status, ["amount_due"] = amount, ["amount_paid"] = status == "paid" ? amount : 0, ["currency"] = "cny",
                ["created"] = Now, ["period_start"] = Now, ["period_end"] = Now, ["billing_reason"] = "subscription_cycle",
                ["hosted_invoice_url"] = "https://invoice.stripe.test/" + id, ["livemode"] = false,
                ["status_transitions"] = new JsonObject { ["paid_at"] = status == "paid" ? Now : null },
                ["parent"] = new JsonObject
                {
                    ["type"] = "subscription_details",
                    ["subscription_details"] = new JsonObject { ["subscription"] = (string?)subscription["id"], ["metadata"] = null },
                },
                ["lines"] = new JsonObject
                {
                    ["object"] = "list", ["has_more"] = false,
                    ["data"] = new JsonArray(new JsonObject
                    {
                        ["id"] = NewId("il"), ["object"] = "line_item", ["amount"] = amount, ["currency"] = "cny",
                        ["period"] = new JsonObject { ["start"] = item["current_period_start"]!.DeepClone(), ["end"] = item["current_period_end"]!.DeepClone() },
                    }),
                },
            };
            Invoices[id] = invoice;
            subscription["latest_invoice"] = id;
            return invoice;
        }
    }

    /// <summary>An event about <paramref name="subject"/> as Stripe delivers it (a copy of the object at that moment).</summary>
    public JsonObject Event(string type, JsonObject subject, string? id = null) => new()
    {
        ["id"] = id ?? NewId("evt"), ["object"] = "event", ["api_version"] = StripeOptions.ApiVersion, ["created"] = Now, ["type"] = type,
        ["livemode"] = false, ["pending_webhooks"] = 1, ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject { ["object"] = Public(subject) },
    };

    /// <summary>Posts an event to the app's webhook signed like Stripe (optionally at another time or with another secret).</summary>
    public static async Task<HttpResponseMessage> SendWebhookAsync(HttpClient app, JsonObject stripeEvent, DateTimeOffset signedAt,
        string secret = WebhookSecret, string? signatureOverride = null)
    {
        var body = stripeEvent.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/billing/stripe/webhook");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Stripe-Signature", signatureOverride ?? StripeSignatureVerifier.Header(signedAt, body, secret));
        return await app.SendAsync(request);
    }

    private static JsonObject Public(JsonObject subject)
    {
        var copy = (JsonObject)subject.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith("__", StringComparison.Ordinal)).ToList()) copy.Remove(key);
        return copy;
    }

    private static JsonObject Metadata(Dictionary<string, string> form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
        {
            var name = key[(prefix.Length + 1)..^1];
            if (!name.Contains('[', StringComparison.Ordinal)) metadata[name] = value;
        }
        return metadata;
    }

    private static (int, string) Ok(JsonObject value) => (200, Public(value).ToJsonString());

    private static (int, string) Missing(string what, string? id) =>
        (404, Error("invalid_request_error", "resource_missing", $"No such {what}: '{id}'", what == "subscription" ? "id" : what));

    private static string Error(string type, string? code, string message, string? param = null) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["param"] = param } }.ToJsonString();

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        await http.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string StripeVersion, string? IdempotencyKey,
    IReadOnlyDictionary<string, string> Form);
