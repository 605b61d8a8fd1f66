using System.Text.Json;
using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.Billing;

/// <summary>What the impersonation link carries to the tenant's subdomain: who signs in on the admin's behalf.</summary>
public sealed record ImpersonationTicket(Guid OperatorId, string OperatorName, Guid TenantId);

/// <summary>
/// The operator signs in as a tenant's first active admin: the reason is written to the tenant's own audit trail (an
/// "Impersonation" entry the tenant's admins see), and a one-time, short-lived link on the tenant's subdomain is issued.
/// </summary>
public sealed class ImpersonationAppService(
    IPermissionChecker permissions, ICurrentUser currentUser, ITenantRepository tenants, IServiceScopeFactory scopes, TimeProvider clock)
    : IImpersonationAppService
{
    public const string EntityType = "Impersonation";

    public async Task<ImpersonationLinkDto> StartAsync(Guid tenantId, string? reason, CancellationToken cancellationToken = default)
    {
        await permissions.CheckAsync(ErpPermissions.Host.TenantsManage, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason)) throw BusinessException.ForField("Reason", BillingErrorCodes.ReasonRequired);
        reason = reason.Trim();
        if (reason.Length > BillingConsts.MaxImpersonationReasonLength) reason = reason[..BillingConsts.MaxImpersonationReasonLength];
        var operatorId = currentUser.Id ?? throw new AuthorizationException(ErpPermissions.Host.TenantsManage);
        var operatorName = currentUser.UserName ?? operatorId.ToString();
        var tenant = await tenants.FindAsync(tenantId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);

        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.GetUsersInRoleAsync(StaticRoles.Admin))
                    .Where(u => u.IsActive).OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal).FirstOrDefault()
                    ?? throw new BusinessException(BillingErrorCodes.NoTenantAdmin);
        var code = await services.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            services.GetRequiredService<IAuditTrail>().Add(new EntityChange(null, EntityType, admin.Id.ToString(), EntityChangeType.Created,
                JsonSerializer.Serialize(new object[]
                {
                    new { property = "Operator", old = (string?)null, @new = operatorName },
                    new { property = "Admin", old = (string?)null, @new = admin.UserName },
                    new { property = "Reason", old = (string?)null, @new = reason },
                }), operatorId, operatorId, clock.GetUtcNow()));
            return await services.GetRequiredService<WelcomeSignInTokens>().IssueAsync(admin, WelcomeSignInTokens.ImpersonationTokenName,
                BillingConsts.ImpersonationLinkLifetime, JsonSerializer.Serialize(new ImpersonationTicket(operatorId, operatorName, tenantId)));
        }, cancellationToken);
        return new ImpersonationLinkDto(tenantId, tenant.Slug, admin.Id, code);
    }
}
