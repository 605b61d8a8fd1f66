using ErpSaaS.Identity;
using ErpSaaS.Localization;
using ErpSaaS.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// The language switch: remembers the choice in the culture cookie and, for a signed-in user, in their profile
/// (which decides first on later visits), then goes back to the page it came from.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : ErpPageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var chosen = ErpLocalizationResources.ResolveCulture(culture);
        ErpLocalizationModule.RememberCulture(Request, Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != chosen)
        {
            user.UpdateProfile(user.DisplayName, chosen, user.TimeZone);
            if ((await users.UpdateAsync(user)).Succeeded)
            {
                // The language travels in the sign-in cookie: issue it again with the new one.
                await signIn.RefreshSignInAsync(user);
            }
        }
        return RedirectToLocal(returnUrl);
    }
}
