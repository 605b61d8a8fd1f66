using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSaaS.TestBase;

/// <summary>Test data builders that read like the flows: <c>await Given.Tenant("acme")</c>.</summary>
public sealed class Given(ErpTestFixture fixture)
{
    public const string Password = "Passw0rd!";

    /// <summary>A provisioned tenant (seeded roles, settings, an admin "admin") on the given plan.</summary>
    public Task<Guid> Tenant(string slug, string plan = PlanCodes.Professional, bool trial = false) =>
        fixture.InScopeAsync(null, async sp =>
        {
            var plans = sp.GetRequiredService<IPlanRepository>();
            var manager = sp.GetRequiredService<TenantManager>();
            var provisioner = sp.GetRequiredService<TenantProvisioner>();
            return await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var planId = (await plans.FindByCodeAsync(plan, ct))!.Id;
                var tenant = await manager.CreateAsync($"{slug} Ltd.", slug, planId, trial, ct);
                sp.GetRequiredService<IBillingRepository>().Add(
                    Subscription.For(tenant, BillingInterval.Yearly, PaymentProvider.BankTransfer, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
                await provisioner.ProvisionAsync(tenant, new TenantAdminAccount("admin", $"admin@{slug}.test", $"{slug} admin", Password, "en"), ct);
                return tenant.Id;
            });
        });

    /// <summary>A user of the tenant in the given seeded roles.</summary>
    public Task<Guid> User(Guid tenantId, string userName, params string[] roles) =>
        fixture.InScopeAsync(tenantId, async sp =>
        {
            var provisioner = sp.GetRequiredService<TenantProvisioner>();
            return await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                var user = await provisioner.EnsureUserAsync(tenantId, new TenantAdminAccount(userName, $"{userName}@example.test", userName, Password, "en"),
                    roles.Length == 0 ? [StaticRoles.Viewer] : roles);
                return user.Id;
            });
        });

    /// <summary>The platform operator seeded on the host side (role Operator, every host permission).</summary>
    public Task<Guid> Operator() =>
        fixture.InScopeAsync(null, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>()
                .FindByNameAsync(ErpSaaS.DataSeeding.HostDataSeeder.OperatorUserName))!.Id);
}
