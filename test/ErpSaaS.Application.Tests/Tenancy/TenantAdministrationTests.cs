using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Tenancy;

public sealed class TenantAdministrationTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private string _tag = null!;
    private Guid _acme;
    private Guid _operator;

    public async Task InitializeAsync()
    {
        _tag = Guid.NewGuid().ToString("N")[..6];
        _acme = await fixture.Given.Tenant("acme-" + _tag, PlanCodes.Starter);
        _operator = await fixture.Given.Operator();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsOperator<T>(Func<ITenantAdminAppService, Task<T>> work) =>
        fixture.AsUserAsync(null, _operator, sp => work(sp.GetRequiredService<ITenantAdminAppService>()));

    private Task AsOperator(Func<ITenantAdminAppService, Task> work) =>
        fixture.AsUserAsync(null, _operator, sp => work(sp.GetRequiredService<ITenantAdminAppService>()));

    private Task<bool> EnabledInAcme(string feature) =>
        fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(feature));

    [Fact]
    public async Task The_tenant_list_searches_filters_by_plan_and_status_and_counts_users_across_tenants()
    {
        await fixture.Given.Tenant("beta-" + _tag, PlanCodes.Professional);
        await fixture.Given.User(_acme, "second");
        var plans = await AsOperator(t => t.GetPlansAsync());
        var starter = plans.Single(p => p.Code == PlanCodes.Starter).Id;

        var bySearch = await AsOperator(t => t.GetListAsync(new TenantListQuery { Search = _tag, Sort = "name" }));
        var byPlan = await AsOperator(t => t.GetListAsync(new TenantListQuery { Search = _tag, PlanId = starter }));
        var suspended = await AsOperator(t => t.GetListAsync(new TenantListQuery { Search = _tag, Status = TenantStatus.Suspended }));

        bySearch.Items.Select(t => t.Slug).ShouldBe(["acme-" + _tag, "beta-" + _tag]);
        byPlan.Items.Single().UserCount.ShouldBe(2);
        byPlan.Items.Single().PlanCode.ShouldBe(PlanCodes.Starter);
        suspended.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Effective_features_come_from_the_override_then_the_plan_then_the_default()
    {
        (await EnabledInAcme(ErpFeatures.Production)).ShouldBeFalse();

        await AsOperator(t => t.SetFeatureOverrideAsync(_acme, ErpFeatures.Production, "True"));
        var detail = await AsOperator(t => t.GetAsync(_acme));
        (await EnabledInAcme(ErpFeatures.Production)).ShouldBeTrue();
        await AsOperator(t => t.ClearFeatureOverrideAsync(_acme, ErpFeatures.Production));

        var production = detail.Features.Single(f => f.Name == ErpFeatures.Production);
        (production.EffectiveValue, production.PlanValue, production.OverrideValue).ShouldBe(("true", "false", "true"));
        (await EnabledInAcme(ErpFeatures.Production)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_plan_without_a_value_falls_back_to_the_features_default()
    {
        var bare = await fixture.InScopeAsync(null, async sp =>
        {
            var plan = new Plan("bare-" + _tag, "Bare", "空", 0m, 0m, 99);
            plan.SetFeature(ErpFeatures.MaxWarehouses, "7");
            sp.GetRequiredService<IPlanRepository>().Add(plan);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return plan.Id;
        });

        await AsOperator(t => t.ChangePlanAsync(_acme, bare));
        var limits = await fixture.InScopeAsync(_acme, async sp =>
        {
            var features = sp.GetRequiredService<IFeatureChecker>();
            return (await features.GetLimitAsync(ErpFeatures.MaxWarehouses), await features.GetLimitAsync(ErpFeatures.MaxUsers));
        });

        limits.ShouldBe((7, int.Parse(FeatureDefinitions.Get(ErpFeatures.MaxUsers).DefaultValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Changing_the_plan_switches_features_on_the_next_check()
    {
        var professional = (await AsOperator(t => t.GetPlansAsync())).Single(p => p.Code == PlanCodes.Professional).Id;
        (await EnabledInAcme(ErpFeatures.Production)).ShouldBeFalse();

        await AsOperator(t => t.ChangePlanAsync(_acme, professional));

        (await EnabledInAcme(ErpFeatures.Production)).ShouldBeTrue();
        (await AsOperator(t => t.GetAsync(_acme))).Tenant.PlanCode.ShouldBe(PlanCodes.Professional);
    }

    [Fact]
    public async Task A_limit_refusal_names_the_feature_the_limit_and_the_count()
    {
        var refused = await Should.ThrowAsync<BusinessException>(() =>
            fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<IFeatureChecker>().CheckLimitAsync(ErpFeatures.MaxWarehouses, 1)));

        refused.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
        refused.Args.ShouldBe([ErpFeatures.MaxWarehouses, 1, 1]);
    }

    [Theory]
    [InlineData(ErpFeatures.Production, "maybe", "Value")]
    [InlineData(ErpFeatures.MaxUsers, "-1", "Value")]
    [InlineData("Teleportation", "true", "Feature")]
    public async Task An_override_is_checked_against_the_feature_definition(string feature, string value, string field)
    {
        var error = await Should.ThrowAsync<BusinessException>(() => AsOperator(t => t.SetFeatureOverrideAsync(_acme, feature, value)));

        error.Field.ShouldBe(field);
    }

    [Fact]
    public async Task Suspending_and_unsuspending_a_tenant()
    {
        await AsOperator(t => t.SuspendAsync(_acme));
        var suspended = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ITenantStore>().FindAsync(_acme).AsTask());
        await AsOperator(t => t.UnsuspendAsync(_acme));
        var back = await AsOperator(t => t.GetAsync(_acme));

        suspended!.CanSignIn.ShouldBeFalse();
        back.Tenant.Status.ShouldBe(TenantStatus.Active);
    }

    [Fact]
    public async Task Extending_a_trial_needs_a_future_date_and_reopens_a_lapsed_trial()
    {
        var trial = await fixture.Given.Tenant("trial-" + _tag, PlanCodes.Trial, trial: true);
        await fixture.InScopeAsync(null, async sp =>
        {
            var tenant = (await sp.GetRequiredService<ITenantRepository>().FindAsync(trial))!;
            tenant.ChangeStatus(TenantStatus.ReadOnly);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        var until = fixture.Clock.GetUtcNow().AddDays(30);

        var past = await Should.ThrowAsync<BusinessException>(() => AsOperator(t => t.ExtendTrialAsync(trial, fixture.Clock.GetUtcNow().AddDays(-1))));
        await AsOperator(t => t.ExtendTrialAsync(trial, until));
        var extended = (await AsOperator(t => t.GetAsync(trial))).Tenant;

        past.Field.ShouldBe("TrialEndsAt");
        extended.TrialEndsAt.ShouldBe(until);
        extended.Status.ShouldBe(TenantStatus.Trialing);
    }

    [Fact]
    public async Task A_tenant_can_be_given_its_own_migrated_database_and_an_unreachable_one_is_refused()
    {
        var database = "erpsaas_own_" + Guid.NewGuid().ToString("N")[..12];
        var own = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = database }.ConnectionString;
        var wrongPassword = new NpgsqlConnectionStringBuilder(own) { Password = "not-the-password" }.ConnectionString;
        try
        {
            var refused = await Should.ThrowAsync<BusinessException>(() => AsOperator(t => t.SetConnectionStringAsync(_acme, wrongPassword)));
            await AsOperator(t => t.SetConnectionStringAsync(_acme, own));

            refused.Field.ShouldBe("ConnectionString");
            refused.Args.ShouldNotContain(wrongPassword);
            (await AsOperator(t => t.GetAsync(_acme))).Tenant.HasOwnDatabase.ShouldBeTrue();
            await using var connection = new NpgsqlConnection(TestDatabase.OwnerConnectionString(database));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_tenant_admin_cannot_use_the_operators_tenant_administration()
    {
        var admin = await fixture.Given.User(_acme, "admin", StaticRoles.Admin);

        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(_acme, admin, sp => sp.GetRequiredService<ITenantAdminAppService>().GetListAsync(new TenantListQuery())));
        await Should.ThrowAsync<AuthorizationException>(() =>
            fixture.AsUserAsync(_acme, admin, sp => sp.GetRequiredService<ITenantAdminAppService>().SuspendAsync(_acme)));
    }
}
