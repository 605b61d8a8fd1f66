using ErpSaaS.Common;
using ErpSaaS.Features;

namespace ErpSaaS.Signup;

/// <summary>What a new company types into the sign-up form.</summary>
public sealed class SignupInput
{
    public string CompanyName { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string Language { get; set; } = Localization.ErpLocalizationResources.DefaultCulture;
    public bool LoadSampleData { get; set; }
}

/// <param name="WelcomeCode">The one-time code of the sign-in link on the company's subdomain.</param>
public sealed record SignupResult(Guid TenantId, string Slug, Guid AdminUserId, string WelcomeCode);

/// <summary>A plan as the public pricing page shows it: names, prices and every feature's value.</summary>
public sealed record PricingPlanDto(string Code, string NameEn, string NameZh, decimal MonthlyPrice, decimal YearlyPrice, string Currency,
    bool IsTrial, IReadOnlyList<PricingFeatureDto> Features)
{
    public string Name(string culture) => culture.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;
}

public sealed record PricingFeatureDto(string Name, string DisplayKey, FeatureValueType Type, string Value)
{
    public bool IsOn => Type == FeatureValueType.Boolean && bool.TryParse(Value, out var on) && on;
}

/// <summary>The public side of the platform: the pricing page and a new company's sign-up (anonymous).</summary>
public interface ISignupAppService
{
    Task<IReadOnlyList<PricingPlanDto>> GetPricingAsync(CancellationToken cancellationToken = default);

    Task<SlugAvailability> CheckSlugAsync(string? slug, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the company in one transaction: tenant on a 14-day trial, its subscription, roles, settings and admin,
    /// sample data when asked, the e-mail confirmation mail; returns the code of the one-time sign-in link.
    /// </summary>
    Task<SignupResult> SignUpAsync(SignupInput input, CancellationToken cancellationToken = default);
}
