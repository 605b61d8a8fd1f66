using ErpSaaS.Features;

namespace ErpSaaS.Billing;

/// <summary>
/// Card payment through a hosted checkout (Stripe Checkout and its billing portal). When no provider is configured
/// <see cref="IsAvailable"/> is false and the billing page offers bank transfer only.
/// </summary>
public interface ICheckoutProvider
{
    bool IsAvailable { get; }

    /// <summary>A checkout session for <paramref name="plan"/> at <paramref name="interval"/>; the user is sent to the returned address.</summary>
    Task<Uri> StartCheckoutAsync(Guid tenantId, Plan plan, BillingInterval interval, Uri successUrl, Uri cancelUrl);

    /// <summary>The provider's portal where the company changes its card or cancels.</summary>
    Task<Uri> StartPortalAsync(Guid tenantId, Uri returnUrl);
}

/// <summary>No card payments configured: the checkout and portal buttons stay hidden.</summary>
public sealed class NoCheckoutProvider : ICheckoutProvider
{
    public bool IsAvailable => false;

    public Task<Uri> StartCheckoutAsync(Guid tenantId, Plan plan, BillingInterval interval, Uri successUrl, Uri cancelUrl) =>
        throw new Common.BusinessException(Errors.BillingErrorCodes.CheckoutUnavailable);

    public Task<Uri> StartPortalAsync(Guid tenantId, Uri returnUrl) =>
        throw new Common.BusinessException(Errors.BillingErrorCodes.CheckoutUnavailable);
}
