using System.ComponentModel.DataAnnotations;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// The second sign-in step for users with two-factor authentication: a code from the authenticator app or one of
/// the recovery codes. On the main domain the first step passes the company along (?company=).
/// </summary>
[AllowAnonymous]
public sealed class Login2faModel(ResolvedTenant resolved, TenantSignIn signIn) : ErpPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Company { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var (tenant, unknownCompany) = await signIn.ChooseCompanyAsync(resolved.Tenant, Company, HttpContext.RequestAborted);
        if (unknownCompany) return RedirectToPage("/Account/Login");
        switch (await signIn.TwoFactorSignInAsync(tenant, Input.Code, RememberMe))
        {
            case SignInOutcome.Succeeded:
                return RedirectToLocal(ReturnUrl);
            case SignInOutcome.LockedOut:
                return RedirectToPage("/Account/Lockout");
            case SignInOutcome.TwoFactorExpired:
                Flash("Account:TwoFactorExpired");
                return RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
            case SignInOutcome.TenantSuspended:
                ModelState.AddModelError(string.Empty, L["Account:TenantSuspended"]);
                return Page();
            default:
                ModelState.AddModelError(FieldKey(InputPrefix, nameof(InputModel.Code)), L["Error:" + ErpSaaS.Errors.ErrorCodes.TwoFactorCodeInvalid]);
                return Page();
        }
    }

    public sealed class InputModel
    {
        [Required]
        [StringLength(32)]
        [Display(Name = "Account:TwoFactorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
