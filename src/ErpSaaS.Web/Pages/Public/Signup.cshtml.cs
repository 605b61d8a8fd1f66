using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ErpSaaS.Localization;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Signup;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ErpSaaS.Web.Pages.Public;

/// <summary>
/// A new company signs up on the main domain; on success the browser goes to the company's own subdomain through a
/// one-time sign-in link (the auth cookie is per host). Posting is rate-limited per address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimit.Policy)]
public sealed class SignupModel(ISignupAppService signup, ResolvedTenant resolved, IPublicUrls urls) : ErpPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (resolved.Tenant is not null) return Redirect(urls.MainSite("/signup"));
        Input.Language = ErpLocalizationResources.ResolveCulture(CultureInfo.CurrentUICulture.Name);
        return Page();
    }

    /// <summary>The htmx check beside the subdomain field: a small fragment saying whether it can be had.</summary>
    public async Task<IActionResult> OnGetSlugAsync([FromQuery(Name = "Input.Slug")] string? slug, CancellationToken cancellationToken)
    {
        var availability = await signup.CheckSlugAsync(slug, cancellationToken);
        return Partial("_SlugAvailability", new SlugAvailabilityView(availability, (slug ?? string.Empty).Trim().ToLowerInvariant()));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (resolved.Tenant is not null) return BadRequest();
        if (!ModelState.IsValid) return Page();
        SignupResult? result = null;
        var input = new SignupInput
        {
            CompanyName = Input.CompanyName, Slug = Input.Slug, DisplayName = Input.DisplayName, Email = Input.Email,
            Password = Input.Password, Language = Input.Language, LoadSampleData = Input.LoadSampleData,
        };
        if (!await TryAsync(async () => result = await signup.SignUpAsync(input, cancellationToken)))
        {
            return Page();
        }
        return Redirect(urls.TenantSite(result!.Slug,
            $"{WelcomeLinks.Path}?userId={result.AdminUserId}&code={Uri.EscapeDataString(result.WelcomeCode)}"));
    }

    public sealed record SlugAvailabilityView(SlugAvailability Availability, string Slug);

    public sealed class InputModel
    {
        [Required]
        [StringLength(TenantConsts.MaxNameLength)]
        [Display(Name = "Signup:CompanyName")]
        public string CompanyName { get; set; } = string.Empty;

        [Required]
        [StringLength(TenantConsts.MaxSlugLength, MinimumLength = TenantConsts.MinSlugLength)]
        [Display(Name = "Signup:Slug")]
        public string Slug { get; set; } = string.Empty;

        [Required]
        [StringLength(SignupConsts.MaxDisplayNameLength)]
        [Display(Name = "Signup:DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required]
        [EmailAddress]
        [StringLength(SignupConsts.MaxEmailLength)]
        [Display(Name = "Signup:Email")]
        public string Email { get; set; } = string.Empty;

        [Required]
        [DataType(DataType.Password)]
        [Display(Name = "Signup:Password")]
        public string Password { get; set; } = string.Empty;

        [Required]
        [Display(Name = "Signup:Language")]
        public string Language { get; set; } = ErpLocalizationResources.DefaultCulture;

        [Display(Name = "Signup:LoadSampleData")]
        public bool LoadSampleData { get; set; } = true;
    }
}
