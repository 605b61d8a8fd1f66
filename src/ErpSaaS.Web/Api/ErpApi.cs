using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Web.Api;

/// <summary>The signed-in user as the API reports them.</summary>
public sealed record MeDto(Guid Id, string UserName, string DisplayName, string Language, MeTenantDto? Tenant, IReadOnlyList<string> Permissions);

public sealed record MeTenantDto(Guid Id, string Name, string Slug, string Status);

/// <summary>
/// The HTTP API under /api/v1: cookie-authenticated, tenant-resolved like pages, errors as problem+json
/// (see <see cref="Errors.ErpErrorHandling"/>). Modules add endpoints to the group here or through an
/// <see cref="IEndpointContributor"/>.
/// </summary>
public static class ErpApi
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapErpApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization().WithTags("ErpSaaS");

        api.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("The signed-in user, their tenant and their granted permissions.");
        api.MapPut("/me/profile", UpdateProfileAsync).WithName("UpdateMyProfile").WithSummary("Changes the signed-in user's name, language and time zone.");

        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(app, api);
        }
        return api;
    }

    private static async Task<Ok<MeDto>> GetMeAsync(
        IProfileAppService profiles, ICurrentTenant currentTenant, ITenantStore tenants, IPermissionChecker permissions, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(cancellationToken);
        var tenant = currentTenant.Id is { } id ? await tenants.FindAsync(id, cancellationToken) : null;
        var side = tenant is null ? PermissionSide.Host : PermissionSide.Tenant;
        var granted = new List<string>();
        foreach (var permission in ErpPermissions.For(side))
        {
            if (await permissions.IsGrantedAsync(permission.Name, cancellationToken)) granted.Add(permission.Name);
        }
        return TypedResults.Ok(new MeDto(profile.Id, profile.UserName, profile.DisplayName, profile.Language,
            tenant is null ? null : new MeTenantDto(tenant.Id, tenant.Name, tenant.Slug, tenant.Status.ToString()), granted));
    }

    private static async Task<Ok<ProfileDto>> UpdateProfileAsync(
        UpdateProfileInput input, IProfileAppService profiles, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        HttpContext http, CancellationToken cancellationToken)
    {
        var profile = await profiles.UpdateAsync(input, cancellationToken);
        // Name and language travel in the sign-in cookie: re-issue it so the next page shows the change.
        if (await users.GetUserAsync(http.User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return TypedResults.Ok(profile);
    }
}
