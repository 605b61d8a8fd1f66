using System.ComponentModel.DataAnnotations;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Account;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>
/// Sign-in. On a company's subdomain it signs in to that company; on the main domain the optional company field
/// (its subdomain) picks the company, and empty means the platform operator. Every failure that could reveal
/// whether a user exists reads the same.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(ResolvedTenant resolved, TenantSignIn signIn) : ErpPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public TenantInfo? Tenant => resolved.Tenant;

    /// <summary>Only the main domain asks which company (the subdomain already says it).</summary>
    public bool AsksForCompany => resolved.Tenant is null;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToLocal(ReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var (tenant, unknownCompany) = await signIn.ChooseCompanyAsync(resolved.Tenant, Input.Company, HttpContext.RequestAborted);
        if (unknownCompany)
        {
            ModelState.AddModelError(string.Empty, L["Account:InvalidSignIn"]);
            return Page();
        }
        switch (await signIn.PasswordSignInAsync(tenant, Input.UserName, Input.Password, Input.RememberMe))
        {
            case SignInOutcome.Succeeded:
                return RedirectToLocal(ReturnUrl);
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("/Account/Login2fa", new
                {
                    company = resolved.Tenant is null ? tenant?.Slug : null,
                    returnUrl = ReturnUrl,
                    rememberMe = Input.RememberMe,
                });
            case SignInOutcome.LockedOut:
                return RedirectToPage("/Account/Lockout");
            case SignInOutcome.Deactivated:
                ModelState.AddModelError(string.Empty, L["Account:Deactivated"]);
                return Page();
            case SignInOutcome.TenantSuspended:
                ModelState.AddModelError(string.Empty, L["Account:TenantSuspended"]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, L["Account:InvalidSignIn"]);
                return Page();
        }
    }

    public sealed class InputModel : CompanyInput
    {
        [Required]
        [StringLength(256)]
        [Display(Name = "Account:UserName")]
        public string UserName { get; set; } = string.Empty;

        [Required]
        [DataType(DataType.Password)]
        [Display(Name = "Account:Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Account:RememberMe")]
        public bool RememberMe { get; set; }
    }
}
