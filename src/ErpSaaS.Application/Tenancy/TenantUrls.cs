using ErpSaaS.Common;
using Microsoft.Extensions.Configuration;

namespace ErpSaaS.Tenancy;

/// <summary>The absolute base address of a tenant's site, for links that leave the request (e-mails).</summary>
public interface ITenantUrls
{
    /// <summary>{scheme}://{slug}.{Tenancy:Domain}[:{port}]</summary>
    Uri BaseOf(string slug, RequestOrigin origin);
}

public sealed class TenantUrls(IConfiguration configuration) : ITenantUrls
{
    public Uri BaseOf(string slug, RequestOrigin origin)
    {
        var domain = configuration["Tenancy:Domain"] is { Length: > 0 } configured ? configured : "localhost";
        var scheme = origin.Scheme is "http" or "https" ? origin.Scheme : "https";
        var builder = new UriBuilder(scheme, $"{slug}.{domain}");
        var defaultPort = scheme == "https" ? 443 : 80;
        builder.Port = origin.Port is { } port && port != defaultPort ? port : -1;
        return builder.Uri;
    }
}
