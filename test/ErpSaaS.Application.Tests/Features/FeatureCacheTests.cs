using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Features;

public sealed class FeatureCacheTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task A_feature_asked_for_while_its_company_is_still_being_created_is_read_from_its_plan_once_the_company_is_committed()
    {
        var tenantId = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            var plan = await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Professional, ct);
            var tenant = await sp.GetRequiredService<TenantManager>().CreateAsync("Feature Cache Ltd.", "feature-cache-" + Guid.NewGuid().ToString("N")[..8], plan!.Id, false, ct);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            // Set up work inside the creating transaction (a seeder, a sign-up step) may check a feature before the
            // company is visible to other connections.
            using (sp.GetRequiredService<ICurrentTenant>().Change(tenant.Id))
            {
                await sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(ErpFeatures.ApprovalFlows, ct);
            }
            return tenant.Id;
        }));

        var enabled = await fixture.InScopeAsync(tenantId, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(ErpFeatures.ApprovalFlows));

        enabled.ShouldBeTrue();
    }
}
