using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// Two-factor authentication with an authenticator app: set up (key and otpauth:// URI, confirmed with a code),
/// recovery codes (shown once, can be regenerated) and switching it off.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentTenant currentTenant, ITenantStore tenants)
    : ErpPageModel
{
    public const string Issuer = "ErpSaaS";
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key to type into the app, in groups of four.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    /// <summary>Fresh recovery codes: on the page that created them only, never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(await CurrentUserAsync());

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(FieldKey(InputPrefix, nameof(InputModel.Code)), L["Error:" + ErrorCodes.TwoFactorCodeInvalid]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key for the next setup: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Flash("Account:TwoFactorDisabled");
        return RedirectToPage();
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user is gone.");

    private async Task LoadAsync(AppUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Creating the key renewed the security stamp: keep this browser signed in.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
        var company = currentTenant.Id is { } tenantId ? (await tenants.FindAsync(tenantId, HttpContext.RequestAborted))?.Slug : null;
        AuthenticatorUri = OtpAuthUri(company is null ? user.UserName! : $"{user.UserName}@{company}", key);
    }

    /// <summary>The URI authenticator apps read (usually from a QR code): otpauth://totp/ErpSaaS:user@company?secret=...</summary>
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(account)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits={Totp.Digits}&period={(int)Totp.Step.TotalSeconds}";

    public sealed class InputModel
    {
        [Required]
        [StringLength(7, MinimumLength = 6)]
        [Display(Name = "Account:TwoFactorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
