using System.Text;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Web.Account;

/// <summary>
/// E-mailed links that let a user set a password: on their company's own subdomain (the main domain for operators),
/// carrying the user id and a password-reset token. Resolve it in the user's tenant scope.
/// </summary>
public sealed class AccountLinks(UserManager<AppUser> users, ITenantStore tenants, PlatformUrls urls, IHttpContextAccessor accessor)
{
    public const string ResetPasswordPath = "/account/reset-password";
    public const string AcceptInvitationPath = "/account/accept-invitation";

    public async Task<string> PasswordResetAsync(AppUser user, CancellationToken cancellationToken = default) =>
        await LinkAsync(user, ResetPasswordPath, cancellationToken);

    /// <summary>The invitation link for a user created without a password (see <see cref="AppUser.MarkInvited"/>).</summary>
    public async Task<string> InvitationAsync(AppUser user, CancellationToken cancellationToken = default) =>
        await LinkAsync(user, AcceptInvitationPath, cancellationToken);

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

    private async Task<string> LinkAsync(AppUser user, string path, CancellationToken cancellationToken)
    {
        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("Account links are built while serving a request.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var slug = user.TenantId is { } tenantId
            ? (await tenants.FindAsync(tenantId, cancellationToken))?.Slug ?? throw new InvalidOperationException($"Tenant {tenantId} of user {user.Id} is gone.")
            : null;
        return urls.SiteOf(request, slug, $"{path}?userId={user.Id}&code={code}");
    }
}
