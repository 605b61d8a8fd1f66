using System.Text.Encodings.Web;
using System.Text.Json;
using ErpSaaS.Billing;
using ErpSaaS.Billing.Stripe;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Billing.Webhooks;

/// <summary>One webhook event: its payload as sent, its status and result; the operator may replay it.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class DetailsModel(IStripeWebhookEventQueries events, ITenantStore tenants, StripeWebhookReceiver receiver) : ErpPageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public StripeWebhookEvent Event { get; private set; } = null!;
    public string PrettyPayload { get; private set; } = "";
    public string? TenantName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(id, cancellationToken) is not { } found) return NotFound();
        Event = found;
        PrettyPayload = Pretty(found.Payload);
        if (found.TenantId is { } tenantId) TenantName = (await tenants.FindAsync(tenantId, cancellationToken))?.Slug;
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(id, cancellationToken) is not { } found) return NotFound();
        await receiver.ReplayAsync(found.EventId, cancellationToken);
        Flash("Webhooks:Replayed");
        return RedirectToPage(new { id });
    }

    private static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
