using ErpSaaS.Identity;
using ErpSaaS.Signup;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>The end of the sign-up, on the new company's subdomain: the one-time link signs the admin in and opens the dashboard.</summary>
[AllowAnonymous]
public sealed class WelcomeModel(ResolvedTenant resolved, TenantSignIn signIn, TimeProvider clock) : ErpPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (resolved.Tenant is { CanSignIn: true } tenant && UserId != Guid.Empty)
        {
            var signedIn = await signIn.RedeemLinkAsync(tenant, UserId, Code, WelcomeSignInTokens.TokenName, async (services, user, _) =>
            {
                await services.GetRequiredService<SignInManager<AppUser>>().SignInAsync(user, isPersistent: false);
                user.RecordSignIn(clock.GetUtcNow());
                await services.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
                return true;
            });
            if (signedIn) return LocalRedirect("/");
        }
        return Page();
    }
}
