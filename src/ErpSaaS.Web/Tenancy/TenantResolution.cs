using System.Security.Claims;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Web.Tenancy;

public sealed class TenancyWebOptions
{
    /// <summary>Allows ?__tenant= and the __tenant cookie (Development only).</summary>
    public bool AllowQueryAndCookie { get; set; }
}

/// <summary>How the current request found its tenant, kept for the claim check after authentication.</summary>
public sealed class ResolvedTenant
{
    public TenantInfo? Tenant { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// Resolves the tenant before authentication from the subdomain, then the __tenant header, then (Development)
/// the query string or cookie. The signed-in user's claim is checked against it afterwards
/// (<see cref="TenantClaimCheckMiddleware"/>): the claim wins when nothing else named a tenant, and a claim
/// that disagrees with the subdomain is refused.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyWebOptions> options, IPublicUrls urls)
{
    public const string TenantNotFoundPath = "/tenant-not-found";

    public async Task InvokeAsync(HttpContext context, ITenantStore tenants, ICurrentTenant currentTenant, ResolvedTenant resolved)
    {
        var slug = SubdomainOf(context.Request.Host.Host, urls.Domain);
        var source = "subdomain";
        if (slug is null && context.Request.Headers.TryGetValue(TenantConsts.TenantHeader, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            slug = header.ToString();
            source = "header";
        }
        if (slug is null && options.Value.AllowQueryAndCookie)
        {
            slug = context.Request.Query[TenantConsts.TenantHeader].FirstOrDefault() ?? context.Request.Cookies[TenantConsts.TenantHeader];
            source = "development";
        }

        if (!string.IsNullOrWhiteSpace(slug))
        {
            var tenant = Guid.TryParse(slug, out var id) ? await tenants.FindAsync(id, context.RequestAborted)
                                                           : await tenants.FindBySlugAsync(slug, context.RequestAborted);
            if (tenant is null)
            {
                await RespondTenantNotFoundAsync(context, next);
                return;
            }
            resolved.Tenant = tenant;
            resolved.Source = source;
            currentTenant.Change(tenant.Id);
        }
        await next(context);
    }

    public static string? SubdomainOf(string host, string domain)
    {
        if (host.Length <= domain.Length + 1 || !host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)) return null;
        var sub = host[..^(domain.Length + 1)];
        return sub.Contains('.', StringComparison.Ordinal) || sub.Equals("www", StringComparison.OrdinalIgnoreCase) ? null : sub.ToLowerInvariant();
    }

    private static async Task RespondTenantNotFoundAsync(HttpContext context, RequestDelegate next)
    {
        if (IsApiRequest(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await Results.Problem(statusCode: 404, title: "Tenant not found").ExecuteAsync(context);
            return;
        }
        // The friendly page (with a sign-up link) renders through the normal pipeline.
        context.Items[TenantNotFoundPath] = true;
        context.Request.Path = TenantNotFoundPath;
        await next(context);
    }

    internal static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

/// <summary>Runs after authentication: the user's tenant claim must agree with what the request named.</summary>
public sealed class TenantClaimCheckMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ResolvedTenant resolved, ITenantStore tenants,
        ErpSaaS.Identity.ICurrentUser currentUser)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            currentUser.Change(userId, context.User.Identity.Name);
        }
        if (context.User.Identity?.IsAuthenticated == true && !context.Items.ContainsKey(TenantResolutionMiddleware.TenantNotFoundPath))
        {
            var claimTenant = TenantOf(context.User);
            if (resolved.Tenant is null)
            {
                // Signed in on the main domain: the claim decides (a host user stays on the host side).
                if (claimTenant is { } id)
                {
                    if (await tenants.FindAsync(id, context.RequestAborted) is null)
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return;
                    }
                    currentTenant.Change(id);
                }
            }
            else if (claimTenant != resolved.Tenant.Id && !context.Request.Path.StartsWithSegments(SignOutPath))
            {
                // Signing out stays possible: it is what the mismatch page offers.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Items[TenantMismatchKey] = true;
                if (TenantResolutionMiddleware.IsApiRequest(context))
                {
                    await Results.Problem(statusCode: 403, title: "Signed in to another tenant").ExecuteAsync(context);
                    return;
                }
                context.Request.Path = "/tenant-mismatch";
            }
        }
        await next(context);
    }

    public const string TenantMismatchKey = "erp:tenant-mismatch";
    public const string SignOutPath = "/account/logout";

    public static Guid? TenantOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TenantConsts.TenantIdClaim), out var id) ? id : null;
}
