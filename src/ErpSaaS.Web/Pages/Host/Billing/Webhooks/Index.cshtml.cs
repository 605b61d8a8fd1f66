using ErpSaaS.Billing;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Billing.Webhooks;

/// <summary>The Stripe webhook events as received, newest first, with what applying each did.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class IndexModel(IStripeWebhookEventQueries events, ITenantStore tenants) : ErpPageModel
{
    private const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public WebhookEventStatus? Status { get; set; }

    public IReadOnlyList<StripeWebhookEvent> Events { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> TenantNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Events = await events.ListAsync(Status, Shown, cancellationToken);
        TenantNames = await tenants.SlugsAsync(Events.Select(e => e.TenantId), cancellationToken);
    }

    public static string BadgeOf(WebhookEventStatus status) => status switch
    {
        WebhookEventStatus.Processed => "bg-green-lt",
        WebhookEventStatus.Failed => "bg-red-lt",
        WebhookEventStatus.Ignored => "bg-secondary-lt",
        _ => "bg-yellow-lt",
    };
}
