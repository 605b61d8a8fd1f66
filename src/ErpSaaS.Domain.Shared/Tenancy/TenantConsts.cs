namespace ErpSaaS.Tenancy;

public static class TenantConsts
{
    public const int MaxNameLength = 128;
    public const int MinSlugLength = 3;
    public const int MaxSlugLength = 40;
    public const int MaxConnectionStringLength = 1024;
    public const string SlugPattern = "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$";

    /// <summary>Name of the claim that carries the signed-in user's tenant.</summary>
    public const string TenantIdClaim = "erp:tenant_id";
    public const string TenantHeader = "__tenant";

    /// <summary>Subdomains a company cannot take: they name the platform's own hosts or could mislead users.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "www", "api", "app", "admin", "host", "operator", "mail", "smtp", "ftp", "static", "cdn", "assets",
        "help", "support", "status", "docs", "blog", "billing", "pay", "payment", "auth", "login", "signup",
        "register", "account", "accounts", "dashboard", "console", "root", "system", "test", "dev", "staging",
        "erp", "erpsaas", "localhost", "webhook", "webhooks", "health", "public", "internal", "security",
    };
}
