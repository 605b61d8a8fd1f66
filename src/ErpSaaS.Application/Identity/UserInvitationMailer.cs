using System.Globalization;
using System.Net;
using System.Text;
using ErpSaaS.Common;
using ErpSaaS.Localization;
using ErpSaaS.Emailing;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Identity;

/// <summary>
/// Queues the invitation e-mail (through the outbox, in the inviting transaction). The link carries a password-reset token, Base64Url-encoded as the accept page expects.
/// </summary>
public sealed class UserInvitationMailer(
    UserManager<AppUser> users, ITenantStore tenants, ICurrentTenant currentTenant, ISettingStore settings,
    ITenantUrls urls, IEmailQueue emails)
{
    public const string AcceptPath = "/account/accept-invitation";

    public async Task EnqueueAsync(AppUser user, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindAsync(currentTenant.Id ?? throw new InvalidOperationException("Invitations are sent inside a tenant."), cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(Tenant), currentTenant.Id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = new Uri(urls.BaseOf(tenant.Slug, origin),
            $"{AcceptPath}?userId={user.Id}&code={Uri.EscapeDataString(code)}").AbsoluteUri;

        var company = await settings.GetAsync(ErpSettings.CompanyName, cancellationToken) is { Length: > 0 } name ? name : tenant.Name;
        var culture = CultureInfo.GetCultureInfo(ErpLocalizationResources.ResolveCulture(user.Language));
        string Text(string key) => ErpLocalizationResources.Find(key, culture) ?? key;

        var subject = string.Format(culture, Text("Invitation:Subject"), company);
        var greeting = string.Format(culture, Text("Invitation:Greeting"), user.DisplayName);
        var body = string.Format(culture, Text("Invitation:Body"), company, user.UserName);
        var action = Text("Invitation:Action");
        var expiry = Text("Invitation:Expiry");
        var html = $"""
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(expiry)}</p>
            """;
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{expiry}\n";
        await emails.QueueAsync(user.Email!, subject, html, text, cancellationToken);
    }
}
