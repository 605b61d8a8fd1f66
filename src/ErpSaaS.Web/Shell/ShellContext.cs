using System.Security.Claims;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Identity;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Shell;

/// <summary>What the layout shows around every page: whose company, who is signed in, and the menu they may use.</summary>
public sealed record ShellModel(TenantInfo? Tenant, bool IsSignedIn, string? UserName, string? DisplayName, IReadOnlyList<VisibleMenuEntry> Menu)
{
    public bool IsHost => Tenant is null;

    /// <summary>Up to two letters for the avatar.</summary>
    public string Initials => string.IsNullOrWhiteSpace(DisplayName) ? "?" : DisplayName.Trim()[..Math.Min(2, DisplayName.Trim().Length)].ToUpperInvariant();
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
