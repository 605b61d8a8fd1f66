using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpSaaS.Signup;

/// <summary>
/// The one-time code that signs a new company's admin in on the company's own subdomain right after sign-up (the
/// auth cookie is per host, so the main domain cannot do it). Only a hash and the expiry are stored, as a user token;
/// redeeming removes it, so a code works once, for <see cref="SignupConsts.WelcomeLinkLifetime"/>.
/// </summary>
public sealed class WelcomeSignInTokens(UserManager<AppUser> users, TimeProvider clock)
{
    public const string LoginProvider = "ErpSaaS";
    public const string TokenName = "WelcomeSignIn";

    public async Task<string> IssueAsync(AppUser user)
    {
        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(SignupConsts.WelcomeLinkLifetime);
        Check(await users.SetAuthenticationTokenAsync(user, LoginProvider, TokenName,
            $"{Hash(code)}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"));
        return code;
    }

    /// <summary>True once for a valid, unexpired code; the stored token is gone afterwards either way.</summary>
    public async Task<bool> RedeemAsync(AppUser user, string? code)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, LoginProvider, TokenName);
        if (stored is null || string.IsNullOrEmpty(code)) return false;
        Check(await users.RemoveAuthenticationTokenAsync(user, LoginProvider, TokenName));
        var parts = stored.Split('|');
        return parts.Length == 2
               && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
               && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(expires)
               && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(Hash(code)));
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
