using System.Security.Claims;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Identity;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Shell;

/// <summary>What the layout shows around every page: whose company, who is signed in, and the menu they may use.</summary>
public sealed record ShellModel(TenantInfo? Tenant, bool IsSignedIn, string? UserName, string? DisplayName, IReadOnlyList<VisibleMenuEntry> Menu)
{
    public bool IsHost => Tenant is null;

    /// <summary>The avatar's letters: the family name's character for Chinese names (王), initials otherwise (LN).</summary>
    public string Initials
    {
        get
        {
            var name = DisplayName?.Trim();
            if (string.IsNullOrEmpty(name)) return "?";
            if (char.GetUnicodeCategory(name[0]) == System.Globalization.UnicodeCategory.OtherLetter) return name[..1];
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (words.Length > 1 ? $"{words[0][0]}{words[1][0]}" : name[..Math.Min(2, name.Length)]).ToUpperInvariant();
        }
    }
}

public sealed class ShellContext(IHttpContextAccessor accessor, ICurrentTenant currentTenant, ITenantStore tenants, MenuProvider menu)
{
    private ShellModel? _model;

    public async Task<ShellModel> GetAsync()
    {
        if (_model is not null) return _model;
        var http = accessor.HttpContext ?? throw new InvalidOperationException("The shell renders inside a request only.");
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var tenant = currentTenant.Id is { } id ? await tenants.FindAsync(id, http.RequestAborted) : null;
        return _model = new ShellModel(tenant, signedIn, user.Identity?.Name, user.FindFirstValue(ErpUserClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name,
            signedIn ? await menu.GetMenuAsync(http.RequestAborted) : []);
    }
}
