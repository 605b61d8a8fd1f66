using System.Text;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Identity;

/// <summary>
/// The links of account e-mails: on the user's company subdomain (the main site for operators), from the configured
/// public address (<see cref="IPublicUrls"/>), carrying the user id and an Identity token, Base64Url-encoded. Built in
/// the user's tenant scope, because the token is made from the user's row in the tenant's database.
/// </summary>
public sealed class AccountLinks(UserManager<AppUser> users, ITenantStore tenants, IPublicUrls urls)
{
    public const string ResetPasswordPath = "/account/reset-password";
    public const string AcceptInvitationPath = "/account/accept-invitation";
    public const string ConfirmEmailPath = "/account/confirm-email";

    public async Task<string> PasswordResetAsync(AppUser user, CancellationToken cancellationToken = default) =>
        await LinkAsync(user, ResetPasswordPath, await users.GeneratePasswordResetTokenAsync(user), slug: null, cancellationToken);

    /// <summary>The invitation link for a user created without a password (see <see cref="AppUser.MarkInvited"/>): a password-reset token.</summary>
    public async Task<string> InvitationAsync(AppUser user, CancellationToken cancellationToken = default) =>
        await LinkAsync(user, AcceptInvitationPath, await users.GeneratePasswordResetTokenAsync(user), slug: null, cancellationToken);

    /// <summary>
    /// The link that confirms the user's e-mail address. <paramref name="slug"/> names the company when its tenant is not
    /// committed yet (sign-up); otherwise it is looked up.
    /// </summary>
    public async Task<string> EmailConfirmationAsync(AppUser user, string? slug = null, CancellationToken cancellationToken = default) =>
        await LinkAsync(user, ConfirmEmailPath, await users.GenerateEmailConfirmationTokenAsync(user), slug, cancellationToken);

    /// <summary>Reads the token back from the link's code; null when it was mangled.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<string> LinkAsync(AppUser user, string path, string token, string? slug, CancellationToken cancellationToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        slug ??= user.TenantId is { } tenantId
            ? (await tenants.FindAsync(tenantId, cancellationToken))?.Slug ?? throw new InvalidOperationException($"Tenant {tenantId} of user {user.Id} is gone.")
            : null;
        return urls.SiteOf(slug, $"{path}?userId={user.Id}&code={code}");
    }
}
