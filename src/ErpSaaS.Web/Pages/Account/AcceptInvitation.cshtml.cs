using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>An invited user (no password yet) chooses a password from the e-mailed link and is signed in.</summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ResolvedTenant resolved, TimeProvider clock)
    : PasswordLinkPageModel(users)
{
    public TenantInfo? Company => resolved.Tenant;

    protected override bool IsUsable(AppUser user) => user.IsInvitationPending && user.IsActive && resolved.Tenant is not { CanSignIn: false };

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LinkUserAsync();
        if (user is null || !ModelState.IsValid || !await SetPasswordAsync(user)) return Page();
        user.EmailConfirmed = true;
        user.RecordSignIn(clock.GetUtcNow());
        await Users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        Flash("Account:InvitationAccepted");
        return LocalRedirect("/");
    }
}
