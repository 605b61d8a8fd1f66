using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages;

/// <summary>A subdomain no company uses: a friendly 404 that points to sign-up and to the main site.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class TenantNotFoundModel(IPublicUrls urls) : ErpPageModel
{
    public string RequestedHost { get; private set; } = string.Empty;
    public string SignUpUrl { get; private set; } = string.Empty;
    public string MainSiteUrl { get; private set; } = string.Empty;

    public void OnGet() => Load();

    public void OnPost() => Load();

    private void Load()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        RequestedHost = Request.Host.Host;
        SignUpUrl = urls.MainSite("/signup");
        MainSiteUrl = urls.MainSite("/account/login");
    }
}
