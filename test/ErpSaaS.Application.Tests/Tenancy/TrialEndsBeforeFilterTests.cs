using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Tenancy;

public sealed class TrialEndsBeforeFilterTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>
{
    [Fact]
    public async Task The_operator_lists_the_trials_ending_before_a_day()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var trial = await fixture.Given.Tenant("trial-" + tag, trial: true);
        await fixture.Given.Tenant("paid-" + tag, PlanCodes.Standard);
        var operatorId = await fixture.Given.Operator();
        var trialEnd = (await fixture.InScopeAsync(null, sp => sp.GetRequiredService<ITenantRepository>().FindAsync(trial)))!.TrialEndsAt!.Value;

        Task<IReadOnlyList<TenantListItemDto>> Before(DateOnly day) => fixture.AsUserAsync(null, operatorId, async sp =>
            (await sp.GetRequiredService<ITenantAdminAppService>().GetListAsync(new TenantListQuery { Search = tag, TrialEndsBefore = day })).Items);

        (await Before(DateOnly.FromDateTime(trialEnd.UtcDateTime).AddDays(1))).Select(t => t.Id).ShouldBe([trial]);
        (await Before(DateOnly.FromDateTime(trialEnd.UtcDateTime))).ShouldBeEmpty();
    }
}
