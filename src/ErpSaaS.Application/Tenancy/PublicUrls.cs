using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ErpSaaS.Tenancy;

/// <summary>
/// The platform's public addresses, for every link that leaves the app (e-mails, redirects to another host, payment
/// return addresses), whether or not a request is being served: the main site and each company's
/// <c>{scheme}://{slug}.{domain}[:{port}]</c>, all derived from one configured base.
/// </summary>
public interface IPublicUrls
{
    /// <summary>The platform's host name; companies live at <c>{slug}.{Domain}</c>.</summary>
    string Domain { get; }

    /// <summary>An absolute address on the main site (operator, pricing, sign-up).</summary>
    string MainSite(string pathAndQuery);

    /// <summary>An absolute address on a company's own subdomain.</summary>
    string TenantSite(string slug, string pathAndQuery);

    /// <summary>The company's site, or the main site for the host (operator) side.</summary>
    string SiteOf(string? slug, string pathAndQuery);
}

/// <summary>
/// Reads <c>Tenancy:PublicBaseUrl</c> (the main site as users reach it: <c>http://localhost:5000</c>,
/// <c>https://erp.example.com</c>); without it, <c>https://{Tenancy:Domain}</c> (default <c>localhost</c>).
/// Not the request's scheme or port: a link must be the same from a job as from a page, and a request's Host header
/// is the client's word. A misconfiguration fails at start-up, not in a mail.
/// </summary>
public sealed class PublicUrls : IPublicUrls
{
    public const string BaseUrlKey = "Tenancy:PublicBaseUrl";
    public const string DomainKey = "Tenancy:Domain";
    public const string DefaultDomain = "localhost";

    private readonly string _scheme;
    private readonly string _port;
    private readonly string _pathBase;

    public PublicUrls(string? publicBaseUrl, string? domain)
    {
        publicBaseUrl = string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.Trim();
        domain = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim().TrimEnd('.').ToLowerInvariant();
        var baseUrl = publicBaseUrl ?? $"https://{domain ?? DefaultDomain}";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.HostNameType != UriHostNameType.Dns || !string.IsNullOrEmpty(uri.UserInfo) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // A user name and password in the address are not repeated into the log.
            var shown = uri is { UserInfo.Length: > 0 } ? baseUrl.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal) : baseUrl;
            throw new InvalidOperationException(
                $"{BaseUrlKey} must be an http(s) address with a host name and nothing after the path, like http://localhost:5000 or https://erp.example.com (got '{shown}').");
        }
        if (publicBaseUrl is not null && domain is not null && !string.Equals(domain, uri.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{DomainKey} ('{domain}') is not the host of {BaseUrlKey} ('{publicBaseUrl}'); set only {BaseUrlKey}, or both alike.");
        }
        Domain = uri.IdnHost.ToLowerInvariant();
        _scheme = uri.Scheme;
        _port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        _pathBase = uri.AbsolutePath.TrimEnd('/');
    }

    public static PublicUrls From(IConfiguration configuration) => new(configuration[BaseUrlKey], configuration[DomainKey]);

    public string Domain { get; }

    public string MainSite(string pathAndQuery) => Build(Domain, pathAndQuery);

    public string TenantSite(string slug, string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        return Build($"{slug}.{Domain}", pathAndQuery);
    }

    public string SiteOf(string? slug, string pathAndQuery) => slug is null ? MainSite(pathAndQuery) : TenantSite(slug, pathAndQuery);

    private string Build(string host, string pathAndQuery) =>
        $"{_scheme}://{host}{_port}{_pathBase}{(pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery)}";
}
