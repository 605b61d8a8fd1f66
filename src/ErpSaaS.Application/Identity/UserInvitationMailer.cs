using System.Text;
using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Identity;

/// <summary>
/// Queues the invitation e-mail (through the outbox, in the inviting transaction). The link carries a password-reset token, Base64Url-encoded as the accept page expects.
/// </summary>
public sealed class UserInvitationMailer(
    UserManager<AppUser> users, ITenantStore tenants, ICurrentTenant currentTenant, ITenantUrls urls, AccountEmails accountEmails)
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

        await accountEmails.QueueInvitationAsync(user, link, cancellationToken);
    }
}
