using ErpSaaS.Identity;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238, see <see cref="Totp"/>) checked against the user's base32 key, with the
/// app's <see cref="TimeProvider"/>. Registered as Identity's authenticator provider, so setup and sign-in use it.
/// A code is accepted once: the last accepted time step is kept with the user, and a replay of it (or an older
/// one) is refused.
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
        if (Totp.MatchingStep(secret, token, clock.GetUtcNow()) is not { } step) return false;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep) return false;
        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private const string LoginProvider = "[ErpSaaS]";
    private const string LastStepToken = "LastAuthenticatorStep";
}
