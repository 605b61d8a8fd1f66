using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Web.Permissions;

/// <summary>Turns a policy name "Permission:Identity.Users" (or "Permission:A|B", either one) into a requirement for that permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(ErpPermissions.PolicyPrefix, StringComparison.Ordinal))
        {
            var permission = policyName[ErpPermissions.PolicyPrefix.Length..];
            if (ErpPermissions.Alternatives(permission).Any(p => ErpPermissions.Find(p) is null))
            {
                throw new InvalidOperationException($"Unknown permission {permission} in policy {policyName}");
            }
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission))
                .Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionAuthorizationHandler(IPermissionChecker permissions) : AuthorizationHandler<PermissionRequirement>
{
    public const string MissingFeatureKey = "erp:missing-feature";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        try
        {
            await permissions.CheckAsync(requirement.Permission);
            context.Succeed(requirement);
        }
        catch (ErpSaaS.Common.AuthorizationException denied) when (denied.MissingFeature is not null)
        {
            // The 403 page reads this to name the plan that has the feature.
            if (context.Resource is HttpContext http) http.Items[MissingFeatureKey] = denied.MissingFeature;
            else if (context.Resource is Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext filter) filter.HttpContext.Items[MissingFeatureKey] = denied.MissingFeature;
        }
        catch (ErpSaaS.Common.AuthorizationException)
        {
            // Not granted: leave the requirement unmet.
        }
    }
}
