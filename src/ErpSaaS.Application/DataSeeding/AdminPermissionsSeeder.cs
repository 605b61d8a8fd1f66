using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.DataSeeding;

/// <summary>
/// After every migration, each company's Admin role gets the tenant permissions added since the company was created
/// (see <see cref="TenantProvisioner.GrantAdminEveryPermissionAsync"/>). One scope and one short transaction per
/// company: a scope's database context is bound to the company (and database) current when it is created.
/// </summary>
public sealed class AdminPermissionsSeeder(ITenantRepository tenants, ICurrentTenant currentTenant, IServiceScopeFactory scopes) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> tenantIds;
        using (currentTenant.Change(null))
        {
            tenantIds = await tenants.GetAllIdsAsync(cancellationToken);
        }
        foreach (var tenantId in tenantIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var company = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
            var provisioner = scope.ServiceProvider.GetRequiredService<TenantProvisioner>();
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(async _ =>
            {
                await provisioner.GrantAdminEveryPermissionAsync(tenantId);
                return true;
            }, cancellationToken);
        }
    }
}
