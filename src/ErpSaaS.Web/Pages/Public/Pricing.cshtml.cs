using System.Globalization;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Public;

/// <summary>The public pricing page on the main domain: every visible plan with its prices and features.</summary>
[AllowAnonymous]
public sealed class PricingModel(ISignupAppService signup, ResolvedTenant resolved, IPublicUrls urls) : ErpPageModel
{
    public IReadOnlyList<PricingPlanDto> Plans { get; private set; } = [];

    public string Culture => CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The public pages belong to the main domain.
        if (resolved.Tenant is not null) return Redirect(urls.MainSite("/pricing"));
        Plans = await signup.GetPricingAsync(cancellationToken);
        return Page();
    }
}
