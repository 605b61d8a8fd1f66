using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Settings;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Signup;

public sealed class SubscriptionLifecycleTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    private Task<int> TrialMailsAsync(Guid tenantId) => fixture.InScopeAsync(tenantId, sp =>
        sp.GetRequiredService<ErpDbContext>().OutboxMessages.CountAsync(m => m.Type == "email.send"));

    [Fact]
    public async Task Trial_reminders_go_out_three_days_and_one_day_before_the_end_exactly_once_each_and_the_ended_trial_becomes_read_only()
    {
        var tenantId = await fixture.Given.Tenant("remind-co", PlanCodes.Trial, trial: true);
        var lifecycle = fixture.Services.GetRequiredService<SubscriptionLifecycle>();
        var start = fixture.Clock.GetUtcNow();
        try
        {
            await lifecycle.RunAsync();
            (await TrialMailsAsync(tenantId)).ShouldBe(0);

            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays - 2.5));
            await lifecycle.RunAsync();
            await lifecycle.RunAsync();
            (await TrialMailsAsync(tenantId)).ShouldBe(1);
            // No request tells the job where the site is: the link comes from the configured public address.
            var mail = await fixture.InScopeAsync(tenantId, sp =>
                sp.GetRequiredService<ErpDbContext>().OutboxMessages.SingleAsync(m => m.Type == "email.send"));
            mail.Payload.ShouldContain("https://remind-co.localhost:8443/app/billing");

            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays - 0.5));
            await lifecycle.RunAsync();
            await lifecycle.RunAsync();
            (await TrialMailsAsync(tenantId)).ShouldBe(2);

            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays + 0.1));
            await lifecycle.RunAsync();
            var tenant = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ITenantRepository>().FindAsync(tenantId));
            tenant!.Status.ShouldBe(TenantStatus.ReadOnly);
            fixture.Services.GetRequiredService<ITenantStore>().Invalidate(tenantId);

            // Read-only: data stays readable, a change is refused centrally.
            var error = await Should.ThrowAsync<BusinessException>(() => fixture.InScopeAsync(tenantId, sp =>
                sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
                {
                    await sp.GetRequiredService<ISettingStore>().SetAsync(ErpSettings.CompanyPhone, "010-1234 5678", ct);
                    return true;
                })));
            error.Code.ShouldBe(ErrorCodes.TenantIsReadOnly);
            (await fixture.InScopeAsync(tenantId, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().Users.CountAsync()))
                .ShouldBe(1);
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    [Fact]
    public async Task After_a_downgrade_existing_users_keep_working_but_inviting_another_is_refused_saying_what_to_reduce()
    {
        var tenantId = await fixture.Given.Tenant("shrink-co", PlanCodes.Standard);
        var userIds = new List<Guid>();
        for (var i = 1; i <= 4; i++) userIds.Add(await fixture.Given.User(tenantId, $"worker{i}"));
        await fixture.InScopeAsync(null, async sp =>
        {
            var starter = (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Starter))!;
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                (await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId, ct))!.ChangePlan(starter.Id, BillingInterval.Yearly);
                return true;
            });
        });
        fixture.Services.GetRequiredService<ITenantStore>().Invalidate(tenantId);

        // Every existing user stays active and can still sign in; only adding one more is refused.
        var active = await fixture.InScopeAsync(tenantId, sp =>
            sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().Users.CountAsync(u => u.IsActive));
        active.ShouldBe(5);
        var canSignIn = await fixture.InScopeAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            return await users.CheckPasswordAsync((await users.FindByIdAsync(userIds[3].ToString()))!, Given.Password);
        });
        canSignIn.ShouldBeTrue();
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.InScopeAsync(tenantId, sp =>
            sp.GetRequiredService<IFeatureChecker>().CheckLimitAsync(ErpFeatures.MaxUsers, active)));
        error.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
        error.Args.ShouldContain(3);
        error.Args.ShouldContain(5);
    }
}
