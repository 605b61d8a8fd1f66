using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Signup;

/// <summary>
/// One-time codes that sign a user in on the company's own subdomain (the auth cookie is per host, so the main domain
/// cannot do it): the welcome link right after sign-up, and the operator's impersonation link. Only a hash, the expiry
/// and an optional payload are stored, as a user token named after the purpose; redeeming removes it, so a code works once.
/// </summary>
public sealed class WelcomeSignInTokens(UserManager<AppUser> users, TimeProvider clock)
{
    public const string LoginProvider = "ErpSaaS";
    public const string TokenName = "WelcomeSignIn";
    public const string ImpersonationTokenName = "ImpersonationSignIn";

    /// <summary>The welcome link's code, valid for <see cref="SignupConsts.WelcomeLinkLifetime"/>.</summary>
    public Task<string> IssueAsync(AppUser user) => IssueAsync(user, TokenName, SignupConsts.WelcomeLinkLifetime, payload: null);

    /// <summary>A code for <paramref name="tokenName"/>; a new one replaces the user's previous one of that purpose.</summary>
    public async Task<string> IssueAsync(AppUser user, string tokenName, TimeSpan lifetime, string? payload)
    {
        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(lifetime);
        var value = $"{Hash(code)}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        if (payload is not null) value += "|" + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload));
        Check(await users.SetAuthenticationTokenAsync(user, LoginProvider, tokenName, value));
        return code;
    }

    /// <summary>True once for a valid, unexpired welcome code; the stored token is gone afterwards either way.</summary>
    public async Task<bool> RedeemAsync(AppUser user, string? code) => (await RedeemAsync(user, code, TokenName)).Redeemed;

    /// <summary>Redeemed once for a valid, unexpired code, with the payload it was issued with; the stored token is gone afterwards either way.</summary>
    public async Task<(bool Redeemed, string? Payload)> RedeemAsync(AppUser user, string? code, string tokenName)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, LoginProvider, tokenName);
        if (stored is null || string.IsNullOrEmpty(code)) return (false, null);
        Check(await users.RemoveAuthenticationTokenAsync(user, LoginProvider, tokenName));
        var parts = stored.Split('|');
        var redeemed = parts.Length is 2 or 3
                       && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
                       && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(expires)
                       && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(Hash(code)));
        if (!redeemed) return (false, null);
        return (true, parts.Length == 3 ? Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[2])) : null);
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
