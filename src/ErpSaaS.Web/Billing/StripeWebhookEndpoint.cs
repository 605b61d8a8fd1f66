using ErpSaaS.Billing.Stripe;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Api;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Billing;

/// <summary>
/// <c>POST /api/billing/stripe/webhook</c>: Stripe's deliveries. Anonymous (the signature authenticates), no
/// antiforgery, host-side whatever the host name. Answers at once: 200 when stored (or already stored), 400
/// problem+json without details when the signature does not hold. The event is applied later through the outbox.
/// </summary>
public sealed class StripeWebhookEndpoint : IEndpointContributor
{
    public const string Route = "/api/billing/stripe/webhook";

    /// <summary>Stripe's events are small; anything larger is not one of them.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    public void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder api) =>
        endpoints.MapPost(Route, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpContext http, ICurrentTenant currentTenant, StripeWebhookReceiver receiver,
        CancellationToken cancellationToken)
    {
        using var host = currentTenant.Change(null);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes) return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge);
        var receipt = await receiver.ReceiveAsync(http.Request.Headers["Stripe-Signature"].ToString(), buffer.ToArray(), cancellationToken);
        return receipt == StripeWebhookReceipt.Invalid
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook")
            : Results.Ok(new { received = true, duplicate = receipt == StripeWebhookReceipt.Duplicate });
    }
}

/// <summary>The operator's Stripe event log, on the platform side.</summary>
public sealed class StripeMenuContributor : IMenuContributor
{
    public void Contribute(MenuDefinition menu) =>
        menu.Item(new MenuItem("Menu:StripeWebhooks", "ti ti-webhook", "/host/billing/webhooks", MenuSide.Host)
            { Group = FoundationMenuContributor.PlatformGroup, Order = 60, RequiredPermission = ErpPermissions.Host.Billing });
}

public static class StripeWebModule
{
    public static IServiceCollection AddErpStripeWeb(this IServiceCollection services) =>
        services.AddEndpointContributor<StripeWebhookEndpoint>().AddMenuContributor<StripeMenuContributor>();
}
