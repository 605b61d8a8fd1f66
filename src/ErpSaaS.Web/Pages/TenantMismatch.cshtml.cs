using ErpSaaS.Tenancy;
using ErpSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages;

/// <summary>
/// The user is signed in to another company than the one this address belongs to: say so, offer their own
/// company's site and signing out here (the sign-out is let through by <see cref="TenantClaimCheckMiddleware"/>).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class TenantMismatchModel(ResolvedTenant resolved, ITenantStore tenants, IPublicUrls urls) : ErpPageModel
{
    public string? ThisCompany { get; private set; }
    public string? SignedInCompany { get; private set; }
    public string? SignedInCompanyUrl { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public Task OnPostAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ThisCompany = resolved.Tenant?.Name;
        var signedInTenant = TenantClaimCheckMiddleware.TenantOf(User) is { } id ? await tenants.FindAsync(id, HttpContext.RequestAborted) : null;
        SignedInCompany = signedInTenant?.Name ?? (User.Identity?.IsAuthenticated == true ? L["Shell:Platform"].Value : null);
        if (User.Identity?.IsAuthenticated == true) SignedInCompanyUrl = urls.SiteOf(signedInTenant?.Slug, "/");
    }
}
