using Microsoft.Extensions.Options;

namespace ErpSaaS.Web.Tenancy;

/// <summary>
/// Absolute addresses on the platform's main domain and on a tenant's subdomain ({slug}.{Domain}), with the scheme
/// and port of the current request: for e-mailed links and for sending a user to the right company.
/// </summary>
public sealed class PlatformUrls(IOptions<TenancyWebOptions> options)
{
    public string MainSite(HttpRequest request, string pathAndQuery) => Build(request, options.Value.Domain, pathAndQuery);

    public string TenantSite(HttpRequest request, string slug, string pathAndQuery) => Build(request, $"{slug}.{options.Value.Domain}", pathAndQuery);

    /// <summary>The tenant's site, or the main domain for a host (operator) user.</summary>
    public string SiteOf(HttpRequest request, string? slug, string pathAndQuery) =>
        slug is null ? MainSite(request, pathAndQuery) : TenantSite(request, slug, pathAndQuery);

    private static string Build(HttpRequest request, string host, string pathAndQuery) =>
        $"{request.Scheme}://{host}{(request.Host.Port is { } port ? $":{port}" : string.Empty)}{request.PathBase}{pathAndQuery}";
}
