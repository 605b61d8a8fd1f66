using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238, see <see cref="Totp"/>) checked against the user's base32 key, with the
/// app's <see cref="TimeProvider"/>. Registered as Identity's authenticator provider, so setup and sign-in use it.
/// </summary>
public sealed class ErpAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app on the user's phone generates the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        byte[] secret;
        try
        {
            secret = Base32.Decode(key);
        }
        catch (FormatException)
        {
            return false;
        }
        return Totp.Verify(secret, token, clock.GetUtcNow());
    }
}
