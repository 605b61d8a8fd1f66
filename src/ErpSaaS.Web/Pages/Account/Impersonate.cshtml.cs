using System.Security.Claims;
using System.Text.Json;
using ErpSaaS.Billing;
using ErpSaaS.Identity;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// The operator's one-time link on the tenant's subdomain: signs in as the tenant's admin with claims naming the
/// operator (the audit trail stamps them on every write); "Back to operator" signs out and returns to the tenant's page.
/// </summary>
[AllowAnonymous]
public sealed class ImpersonateModel(ResolvedTenant resolved, TenantSignIn signIn, IPublicUrls urls) : ErpPageModel
{
    public const string Path = "/account/impersonate";

    public static string LinkPath(Guid userId, string code) => $"{Path}?userId={userId}&code={Uri.EscapeDataString(code)}";

    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (resolved.Tenant is { CanSignIn: true } tenant && UserId != Guid.Empty)
        {
            var signedIn = await signIn.RedeemLinkAsync(tenant, UserId, Code, WelcomeSignInTokens.ImpersonationTokenName, async (services, user, payload) =>
            {
                if (payload is null || JsonSerializer.Deserialize<ImpersonationTicket>(payload) is not { } ticket || ticket.TenantId != tenant.Id)
                {
                    return false;
                }
                await services.GetRequiredService<SignInManager<AppUser>>().SignInWithClaimsAsync(user, isPersistent: false,
                [
                    new Claim(IdentityConsts.ImpersonatorIdClaim, ticket.OperatorId.ToString()),
                    new Claim(IdentityConsts.ImpersonatorNameClaim, ticket.OperatorName),
                ]);
                return true;
            });
            if (signedIn) return LocalRedirect("/");
        }
        return Page();
    }

    /// <summary>Leaves the tenant and returns to the operator's page of it on the main domain.</summary>
    public async Task<IActionResult> OnPostBackAsync()
    {
        var impersonating = User.HasClaim(c => c.Type == IdentityConsts.ImpersonatorIdClaim);
        await HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
        return Redirect(impersonating && resolved.Tenant is { } tenant
            ? urls.MainSite($"/host/tenants/{tenant.Id}")
            : urls.MainSite("/account/login"));
    }
}
