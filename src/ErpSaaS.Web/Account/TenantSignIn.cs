using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace ErpSaaS.Web.Account;

public enum SignInOutcome
{
    Succeeded = 0,
    RequiresTwoFactor = 1,
    LockedOut = 2,
    Deactivated = 3,
    TenantSuspended = 4,
    Failed = 5,
    /// <summary>The first step's cookie is gone (expired, or another browser): start again.</summary>
    TwoFactorExpired = 6,
}

/// <summary>
/// Signs in to a given company, whichever host the request came to. Runs in a new DI scope whose current tenant is
/// set before SignInManager, UserManager and the DbContext are created, because the DbContext binds to the tenant
/// (and its database) when it is created. The cookie is still written to the current response.
/// </summary>
public sealed class TenantSignIn(IServiceScopeFactory scopes, ITenantStore tenants, IMemoryCache failures, TimeProvider clock)
{
    // Hashing a password for an unknown user name keeps the answer as slow as for a known one.
    private static readonly AppUser Nobody = new(null, "nobody", "nobody@invalid", "nobody", "en", "UTC", DateTimeOffset.UnixEpoch);

    /// <summary>
    /// The company a sign-in form acts for: the subdomain's when there is one, else the one typed into the main domain's
    /// company field; none typed means the platform operator. <c>Unknown</c> says a typed company does not exist.
    /// </summary>
    public async Task<(TenantInfo? Tenant, bool Unknown)> ChooseCompanyAsync(TenantInfo? subdomainTenant, string? typedCompany, CancellationToken cancellationToken)
    {
        if (subdomainTenant is not null || string.IsNullOrWhiteSpace(typedCompany)) return (subdomainTenant, false);
        var tenant = await tenants.FindBySlugAsync(typedCompany.Trim(), cancellationToken);
        return (tenant, tenant is null);
    }

    /// <summary>Runs <paramref name="work"/> with services acting for <paramref name="tenantId"/> (null = host).</summary>
    public async Task<T> InTenantAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Redeems a one-time link (sign-up welcome, operator impersonation) for an active user of <paramref name="tenant"/>
    /// and signs them in with <paramref name="signInAsync"/>, which receives the link's payload and may still refuse.
    /// </summary>
    public Task<bool> RedeemLinkAsync(TenantInfo tenant, Guid userId, string? code, string tokenName,
        Func<IServiceProvider, AppUser, string?, Task<bool>> signInAsync) =>
        InTenantAsync(tenant.Id, async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByIdAsync(userId.ToString()) is not { IsActive: true } user) return false;
            var (redeemed, payload) = await services.GetRequiredService<ErpSaaS.Signup.WelcomeSignInTokens>().RedeemAsync(user, code, tokenName);
            return redeemed && await signInAsync(services, user, payload);
        });

    public Task<SignInOutcome> PasswordSignInAsync(TenantInfo? tenant, string userName, string password, bool remember)
    {
        if (tenant is { CanSignIn: false }) return Task.FromResult(SignInOutcome.TenantSuspended);
        return InTenantAsync(tenant?.Id, async services =>
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
            if (user is null)
            {
                signIn.UserManager.PasswordHasher.HashPassword(Nobody, password);
                return UnknownUserFailed(tenant?.Id, signIn.UserManager.NormalizeName(userName.Trim()));
            }
            var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
            return await OutcomeAsync(signIn.UserManager, user, result);
        });
    }

    /// <summary>
    /// The second step: <paramref name="code"/> is a 6-digit authenticator code or, otherwise, one of the user's
    /// recovery codes (used up by signing in with it).
    /// </summary>
    public Task<SignInOutcome> TwoFactorSignInAsync(TenantInfo? tenant, string code, bool remember)
    {
        if (tenant is { CanSignIn: false }) return Task.FromResult(SignInOutcome.TenantSuspended);
        return InTenantAsync(tenant?.Id, async services =>
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null) return SignInOutcome.TwoFactorExpired;
            var compact = code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
            var digits = compact.Replace("-", string.Empty, StringComparison.Ordinal);
            var result = digits.Length == Totp.Digits && digits.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, remember, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(compact.ToUpperInvariant());
            return await OutcomeAsync(signIn.UserManager, user, result);
        });
    }

    /// <summary>
    /// An unknown user name "locks out" after as many attempts as a real one, so lockout does not tell which names exist.
    /// </summary>
    private SignInOutcome UnknownUserFailed(Guid? tenantId, string normalizedName)
    {
        var key = $"signin-failures:{tenantId?.ToString() ?? "host"}:{normalizedName}";
        var attempts = failures.Get<int>(key) + 1;
        failures.Set(key, attempts, ErpIdentityOptions.LockoutDuration);
        return attempts >= ErpIdentityOptions.MaxFailedAccessAttempts ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    private async Task<SignInOutcome> OutcomeAsync(UserManager<AppUser> users, AppUser user, SignInResult result)
    {
        if (result.Succeeded)
        {
            user.RecordSignIn(clock.GetUtcNow());
            await users.UpdateAsync(user);
            return SignInOutcome.Succeeded;
        }
        return result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? SignInOutcome.Deactivated
            : SignInOutcome.Failed;
    }
}
