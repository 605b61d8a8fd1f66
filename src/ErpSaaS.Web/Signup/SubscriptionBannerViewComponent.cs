using ErpSaaS.Billing;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Signup;

public enum SubscriptionBannerKind
{
    Trial = 0,
    PastDue = 1,
    ReadOnly = 2,
}

public sealed record SubscriptionBanner(SubscriptionBannerKind Kind, int DaysLeft, DateTimeOffset? Until);

/// <summary>
/// The line above every page of a company that should act: trial days left, the end of a past-due grace period, or
/// read-only — each with the way to the billing page. Nothing for an active company, the operator or visitors.
/// </summary>
public sealed class SubscriptionBannerViewComponent(ICurrentTenant currentTenant, ITenantStore tenants, IBillingRepository billing, TimeProvider clock)
    : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (currentTenant.Id is not { } tenantId || User.Identity?.IsAuthenticated != true
            || await tenants.FindAsync(tenantId, HttpContext.RequestAborted) is not { } tenant)
        {
            return Content(string.Empty);
        }
        var now = clock.GetUtcNow();
        SubscriptionBanner? banner = tenant.Status switch
        {
            TenantStatus.Trialing when tenant.TrialEndsAt is { } end =>
                new(SubscriptionBannerKind.Trial, Math.Max(0, (int)Math.Ceiling((end - now).TotalDays)), end),
            TenantStatus.PastDue => new(SubscriptionBannerKind.PastDue, 0,
                (await billing.FindSubscriptionAsync(tenantId, HttpContext.RequestAborted))?.GraceEndsAt(now, BillingConsts.DefaultGracePeriod)),
            TenantStatus.ReadOnly => new(SubscriptionBannerKind.ReadOnly, 0, null),
            _ => null,
        };
        return banner is null ? Content(string.Empty) : View(banner);
    }
}
