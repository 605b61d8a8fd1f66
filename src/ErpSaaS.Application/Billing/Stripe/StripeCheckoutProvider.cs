using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Billing.Stripe;

/// <summary>
/// Card payment through Stripe Checkout (subscription mode) and the Billing Portal. Offered only when Stripe keys
/// are configured. The tenant's Stripe customer is reused when it has one; the webhook links and activates it.
/// </summary>
public sealed class StripeCheckoutProvider(StripeClient stripe, IOptions<StripeOptions> options, HostScope host) : ICheckoutProvider
{
    public bool IsAvailable => options.Value.IsConfigured;

    public async Task<Uri> StartCheckoutAsync(Guid tenantId, Plan plan, BillingInterval interval, Uri successUrl, Uri cancelUrl)
    {
        var price = plan.StripePriceFor(interval) ?? throw BusinessException.ForField(nameof(plan), BillingErrorCodes.PlanNotAvailable, plan.Code);
        var customerId = await CustomerOfAsync(tenantId);
        var session = await stripe.CreateCheckoutSessionAsync(new StripeCheckoutRequest(
            tenantId, price, successUrl.AbsoluteUri, cancelUrl.AbsoluteUri, customerId));
        return new Uri(session.Url ?? throw new StripeException(System.Net.HttpStatusCode.BadGateway, "api_error", null, "Stripe returned a Checkout session without a URL."));
    }

    public async Task<Uri> StartPortalAsync(Guid tenantId, Uri returnUrl)
    {
        var customerId = await CustomerOfAsync(tenantId) ?? throw new BusinessException(BillingErrorCodes.CheckoutUnavailable);
        var session = await stripe.CreatePortalSessionAsync(customerId, returnUrl.AbsoluteUri);
        return new Uri(session.Url);
    }

    private Task<string?> CustomerOfAsync(Guid tenantId) =>
        host.RunAsync(async services =>
            (await services.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId))?.StripeCustomerId);
}
