using System.ComponentModel.DataAnnotations;
using ErpSaaS.Identity;
using ErpSaaS.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>The user's own profile (name, language, time zone) and password.</summary>
[Authorize]
public sealed class ProfileModel(IProfileAppService profiles, UserManager<AppUser> users, SignInManager<AppUser> signIn) : ErpPageModel
{
    public const string PasswordPrefix = "Password";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public ChangePasswordInput Password { get; set; } = new();

    public ProfileDto Profile { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Profile = await profiles.GetAsync(cancellationToken);
        Input = new InputModel { DisplayName = Profile.DisplayName, Language = Profile.Language, TimeZone = Profile.TimeZone };
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        Profile = await profiles.GetAsync(cancellationToken);
        if (!IsValidFor(InputPrefix)) return Page();
        var update = new UpdateProfileInput { DisplayName = Input.DisplayName, Language = Input.Language, TimeZone = Input.TimeZone };
        if (!await TryAsync(async () => Profile = await profiles.UpdateAsync(update, cancellationToken))) return Page();
        ErpLocalizationModule.RememberCulture(Request, Response, Profile.Language);
        await RefreshSignInAsync();
        Flash("Account:ProfileSaved");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        Profile = await profiles.GetAsync(cancellationToken);
        Input = new InputModel { DisplayName = Profile.DisplayName, Language = Profile.Language, TimeZone = Profile.TimeZone };
        if (!IsValidFor(PasswordPrefix)) return Page();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user is gone.");
        var result = await users.ChangePasswordAsync(user, Password.CurrentPassword, Password.NewPassword);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            Check(result, FieldKey(PasswordPrefix, wrongCurrent ? nameof(ChangePasswordInput.CurrentPassword) : nameof(ChangePasswordInput.NewPassword)));
            return Page();
        }
        // Changing the password renews the security stamp: re-issue this browser's cookie, other sessions end.
        await signIn.RefreshSignInAsync(user);
        Flash("Account:PasswordChanged");
        return RedirectToPage();
    }

    private async Task RefreshSignInAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
    }

    public sealed class InputModel
    {
        [Required]
        [StringLength(AppUser.MaxNameLength)]
        [Display(Name = "Account:DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required]
        [Display(Name = "Account:Language")]
        public string Language { get; set; } = string.Empty;

        [Required]
        [Display(Name = "Account:TimeZone")]
        public string TimeZone { get; set; } = string.Empty;
    }

    public sealed class ChangePasswordInput : SetPasswordInput
    {
        [Required]
        [DataType(DataType.Password)]
        [Display(Name = "Account:CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}
