using ErpSaaS.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>Sets a new password from the e-mailed reset link, then sends the user to sign in.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PasswordLinkPageModel(users)
{
    protected override bool IsUsable(AppUser user) => user.IsActive;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LinkUserAsync();
        if (user is null || !ModelState.IsValid || !await SetPasswordAsync(user)) return Page();
        Flash("Account:PasswordResetDone");
        return RedirectToPage("/Account/Login");
    }
}
