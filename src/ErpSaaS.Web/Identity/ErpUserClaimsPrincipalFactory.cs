using System.Security.Claims;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Web.Identity;

/// <summary>Puts the user's tenant, display name, language and time zone into the sign-in cookie.</summary>
public sealed class ErpUserClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string DisplayNameClaim = "erp:display_name";
    public const string LanguageClaim = "erp:language";
    public const string TimeZoneClaim = "erp:time_zone";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenantId)
        {
            identity.AddClaim(new Claim(TenantConsts.TenantIdClaim, tenantId.ToString()));
        }
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(LanguageClaim, user.Language));
        identity.AddClaim(new Claim(TimeZoneClaim, user.TimeZone));
        return identity;
    }
}
