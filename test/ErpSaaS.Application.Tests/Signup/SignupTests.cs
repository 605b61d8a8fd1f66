using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ErpSaaS.Application.Tests.Signup;

public sealed class FailingSampleDataFixture : ErpTestFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<ISampleDataContributor, FailingSampleData>();

    private sealed class FailingSampleData : ISampleDataContributor
    {
        public int Order => 100;
        public Task ContributeAsync(SampleDataContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Sample data failed");
    }
}

public sealed class SignupTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    public static SignupInput Input(string slug, string password = "Secret123", bool sample = true) => new()
    {
        CompanyName = $"{slug} 有限公司", Slug = slug, DisplayName = "王总", Email = $"boss@{slug}.example.com",
        Password = password, Language = "zh-Hans", LoadSampleData = sample,
    };

    private Task<SignupResult> SignUpAsync(SignupInput input) =>
        fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(input));

    [Fact]
    public async Task Signing_up_creates_a_trial_company_with_subscription_admin_sample_data_and_confirmation_mail()
    {
        await SignUpAsync(Input("warmup", sample: false));
        var result = await SignUpAsync(Input("acme-signup"));

        await fixture.InScopeAsync(null, async sp =>
        {
            var tenant = (await sp.GetRequiredService<ITenantRepository>().FindAsync(result.TenantId))!;
            tenant.Status.ShouldBe(TenantStatus.Trialing);
            tenant.TrialEndsAt.ShouldBe(fixture.Clock.GetUtcNow().AddDays(TenantManager.TrialDays));
            (await sp.GetRequiredService<IPlanRepository>().FindAsync(tenant.PlanId))!.Code.ShouldBe(PlanCodes.Trial);
            var subscription = (await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(result.TenantId))!;
            subscription.Status.ShouldBe(SubscriptionStatus.Trialing);
        });
        await fixture.InScopeAsync(result.TenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByIdAsync(result.AdminUserId.ToString()))!;
            admin.UserName.ShouldBe("boss@acme-signup.example.com");
            admin.EmailConfirmed.ShouldBeFalse();
            (await users.IsInRoleAsync(admin, StaticRoles.Admin)).ShouldBeTrue();
            (await users.Users.CountAsync()).ShouldBe(4);
            var mails = await sp.GetRequiredService<ErpDbContext>().OutboxMessages.Where(m => m.Type == "email.send").ToListAsync();
            mails.ShouldHaveSingleItem().Payload.ShouldContain("/account/confirm-email?userId=");
            (await sp.GetRequiredService<WelcomeSignInTokens>().RedeemAsync(admin, result.WelcomeCode)).ShouldBeTrue();
            (await sp.GetRequiredService<WelcomeSignInTokens>().RedeemAsync(admin, result.WelcomeCode)).ShouldBeFalse();
        });
    }

    [Fact]
    public async Task A_weak_password_is_refused_next_to_the_field_and_creates_nothing()
    {
        var error = await Should.ThrowAsync<BusinessException>(() => SignUpAsync(Input("weakling", password: "short")));
        error.Code.ShouldBe(SignupErrorCodes.PasswordRejected);
        error.Field.ShouldBe(nameof(SignupInput.Password));
        (await SlugExistsAsync("weakling")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("admin", ErrorCodes.TenantSlugReserved)]
    [InlineData("-bad-", ErrorCodes.TenantSlugInvalid)]
    public async Task Reserved_and_invalid_slugs_are_refused_next_to_the_field(string slug, string code)
    {
        var error = await Should.ThrowAsync<BusinessException>(() => SignUpAsync(Input(slug)));
        error.Code.ShouldBe(code);
        error.Field.ShouldBe("Slug");
    }

    [Fact]
    public async Task A_taken_slug_is_refused_and_the_availability_check_says_so()
    {
        await SignUpAsync(Input("taken-co", sample: false));
        var error = await Should.ThrowAsync<BusinessException>(() => SignUpAsync(Input("taken-co")));
        error.Code.ShouldBe(ErrorCodes.TenantSlugTaken);
        await fixture.InScopeAsync(null, async sp =>
        {
            var service = sp.GetRequiredService<ISignupAppService>();
            (await service.CheckSlugAsync("Taken-Co")).ShouldBe(SlugAvailability.Taken);
            (await service.CheckSlugAsync("www")).ShouldBe(SlugAvailability.Reserved);
            (await service.CheckSlugAsync("a")).ShouldBe(SlugAvailability.Invalid);
            (await service.CheckSlugAsync("free-co")).ShouldBe(SlugAvailability.Available);
        });
    }

    [Fact]
    public async Task Pricing_lists_visible_plans_in_order_with_every_feature()
    {
        var plans = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().GetPricingAsync());
        plans.Count.ShouldBeGreaterThanOrEqualTo(4);
        plans.ShouldAllBe(p => p.Features.Count == FeatureDefinitions.All.Count);
        plans.Select(p => p.Code).ShouldContain(PlanCodes.Starter);
    }

    private Task<bool> SlugExistsAsync(string slug) =>
        fixture.InScopeAsync(null, sp => sp.GetRequiredService<ITenantRepository>().SlugExistsAsync(slug));
}

public sealed class SignupRollbackTests(FailingSampleDataFixture fixture) : IClassFixture<FailingSampleDataFixture>
{
    [Fact]
    public async Task A_failure_late_in_sign_up_leaves_no_tenant_user_or_subscription_behind()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => fixture.InScopeAsync(null, sp =>
            sp.GetRequiredService<ISignupAppService>().SignUpAsync(SignupTests.Input("half-made"))));
        await fixture.InScopeAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            using var all = db.DisableTenantFilter();
            (await db.Tenants.AnyAsync(t => t.Slug == "half-made")).ShouldBeFalse();
            (await db.Subscriptions.CountAsync()).ShouldBe(0);
            (await db.Users.AnyAsync(u => u.UserName == "boss@half-made.example.com")).ShouldBeFalse();
            (await db.OutboxMessages.CountAsync()).ShouldBe(0);
        });
    }
}
