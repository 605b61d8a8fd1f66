using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.Web.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.Mvc;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Features;

/// <summary>
/// A page gated with <c>[FeatureGate(ErpFeatures.Production)]</c>, run through the real gate filter and the host's
/// feature management services inside a tenant: Starter lacks production, Professional has it.
/// </summary>
public sealed class FeatureGateTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>
{
    private static readonly FeatureGateAttribute ProductionGate = new(ErpFeatures.Production);

    private async Task<(IActionResult? Result, bool Executed, object? MissingFeature)> GateAsync(string plan)
    {
        var tenant = await factory.Data.Given.Tenant($"{plan}-" + Guid.NewGuid().ToString("N")[..6], plan);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var executing = new ActionExecutingContext(new ActionContext(http, new RouteData(), new ActionDescriptor()),
            [], new Dictionary<string, object?>(), controller: new object());
        var executed = false;
        await ProductionGate.OnActionExecutionAsync(executing, () =>
        {
            executed = true;
            return Task.FromResult(new ActionExecutedContext(executing, [], controller: new object()));
        });
        return (executing.Result, executed, http.Items.TryGetValue(PermissionAuthorizationHandler.MissingFeatureKey, out var missing) ? missing : null);
    }

    [Fact]
    public async Task A_production_gated_page_answers_403_naming_the_feature_for_a_starter_tenant()
    {
        var (result, executed, missing) = await GateAsync(PlanCodes.Starter);

        executed.ShouldBeFalse();
        result.ShouldBeOfType<StatusCodeResult>().StatusCode.ShouldBe(403);
        missing.ShouldBe(ErpFeatures.Production);
    }

    [Fact]
    public async Task A_production_gated_page_runs_for_a_professional_tenant()
    {
        var (result, executed, missing) = await GateAsync(PlanCodes.Professional);

        executed.ShouldBeTrue();
        result.ShouldBeNull();
        missing.ShouldBeNull();
    }

    [Fact]
    public async Task Every_boolean_feature_is_known_to_feature_management_and_limits_are_not()
    {
        var tenant = await factory.Data.Given.Tenant("names-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Standard);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant);
        var manager = scope.ServiceProvider.GetRequiredService<IFeatureManager>();

        var names = new List<string>();
        await foreach (var name in manager.GetFeatureNamesAsync()) names.Add(name);

        names.ShouldBe(FeatureDefinitions.All.Where(f => f.Type == FeatureValueType.Boolean).Select(f => f.Name), ignoreOrder: true);
        (await manager.IsEnabledAsync(ErpFeatures.Finance)).ShouldBeTrue();
        (await manager.IsEnabledAsync(ErpFeatures.Production)).ShouldBeFalse();
    }
}
