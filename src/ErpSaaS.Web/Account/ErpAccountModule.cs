using ErpSaaS.Identity;
using ErpSaaS.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web.Account;

public static class ErpAccountModule
{
    /// <summary>
    /// Sign-in rules (deactivated users), the TOTP authenticator provider, localized Identity errors and the sign-in
    /// to a given company. Call after AddIdentity: these registrations take the place of Identity's defaults.
    /// </summary>
    public static IServiceCollection AddErpAccount(this IServiceCollection services)
    {
        services.AddScoped<SignInManager<AppUser>, ErpSignInManager>();
        services.AddScoped<IdentityErrorDescriber, ErpIdentityErrorDescriber>();
        services.AddTransient<ErpAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(ErpAuthenticatorTokenProvider));
            options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
        });
        services.AddScoped<TenantSignIn>();
        return services;
    }
}
