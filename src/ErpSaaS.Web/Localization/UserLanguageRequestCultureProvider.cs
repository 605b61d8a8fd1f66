using ErpSaaS.Web.Identity;
using Microsoft.AspNetCore.Localization;

namespace ErpSaaS.Web.Localization;

/// <summary>A signed-in user's profile language (carried in the sign-in cookie) decides the culture first.</summary>
public sealed class UserLanguageRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(ErpUserClaimsPrincipalFactory.LanguageClaim)?.Value;
        return Task.FromResult(string.IsNullOrEmpty(language) ? null : new ProviderCultureResult(language));
    }
}
