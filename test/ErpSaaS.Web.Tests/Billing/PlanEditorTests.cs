using ErpSaaS.DataSeeding;
using ErpSaaS.Features;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Billing;

public sealed class PlanEditorTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private Task<Plan> PlanAsync(string code) =>
        fixture.InScopeAsync(null, async sp => (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(code))!);

    private Task<(bool Api, int Users)> FeaturesOfAsync(Guid tenantId) =>
        fixture.Web.InScopeAsync(tenantId, async sp =>
        {
            var features = sp.GetRequiredService<FeatureChecker>();
            return (await features.IsEnabledAsync(ErpFeatures.ApiAccess), await features.GetLimitAsync(ErpFeatures.MaxUsers));
        });

    private async Task<(ErpBrowser Browser, ErpPage Page)> EditorAsync(Guid planId)
    {
        var browser = fixture.Web.Browser();
        await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);
        return (browser, await browser.GetAsync($"/host/plans/{planId}"));
    }

    [Fact]
    public async Task Saving_a_plan_switches_the_features_of_companies_on_it_at_once()
    {
        var tenant = await fixture.Given.Tenant("plan-edit", PlanCodes.Starter);
        var starter = await PlanAsync(PlanCodes.Starter);
        var before = await FeaturesOfAsync(tenant);
        var (browser, editor) = await EditorAsync(starter.Id);
        using var _ = browser;

        var list = await browser.SubmitAsync(editor, "#plan-form", new Dictionary<string, string?>
        {
            ["Input.NameEn"] = "Starter Plus", ["Input.MonthlyPrice"] = "129.50",
            [$"Input.Features[{ErpFeatures.ApiAccess}]"] = "true", [$"Input.Features[{ErpFeatures.MaxUsers}]"] = "7",
        });

        before.ShouldBe((false, 3));
        list.Url.AbsolutePath.ShouldBe("/host/plans");
        (await FeaturesOfAsync(tenant)).ShouldBe((true, 7));
        var saved = await PlanAsync(PlanCodes.Starter);
        (saved.NameEn, saved.MonthlyPrice, saved.NameZh).ShouldBe(("Starter Plus", 129.50m, starter.NameZh));
    }

    [Fact]
    public async Task Wrong_input_is_named_next_to_the_field_keeps_what_was_typed_and_saves_nothing()
    {
        var standard = await PlanAsync(PlanCodes.Standard);
        var (browser, editor) = await EditorAsync(standard.Id);
        using var _ = browser;

        var noName = await browser.SubmitAsync(editor, "#plan-form", new Dictionary<string, string?>
            { ["Input.NameEn"] = " ", ["Input.YearlyPrice"] = "999" });
        var negative = await browser.SubmitAsync(editor, "#plan-form", new Dictionary<string, string?> { ["Input.MonthlyPrice"] = "-1" });
        var badLimit = await browser.SubmitAsync(editor, "#plan-form", new Dictionary<string, string?>
            { [$"Input.Features[{ErpFeatures.MaxWarehouses}]"] = "-2" });

        // The seeded operator reads Chinese.
        noName.FieldError("Input.NameEn").ShouldBe(T("Error:Billing:PlanNameRequired", "zh-Hans"));
        noName.ValueOf("Input.YearlyPrice").ShouldBe("999");
        negative.FieldError("Input.MonthlyPrice").ShouldBe(T("Error:Billing:PriceNegative", "zh-Hans"));
        badLimit.FieldError($"Input.Features[{ErpFeatures.MaxWarehouses}]").ShouldBe(T("Error:Billing:FeatureLimitInvalid", "zh-Hans"));
        badLimit.ValueOf($"Input.Features[{ErpFeatures.MaxWarehouses}]").ShouldBe("-2");
        var after = await PlanAsync(PlanCodes.Standard);
        (after.NameEn, after.YearlyPrice, after.MonthlyPrice, after.FindFeature(ErpFeatures.MaxWarehouses))
            .ShouldBe((standard.NameEn, standard.YearlyPrice, standard.MonthlyPrice, standard.FindFeature(ErpFeatures.MaxWarehouses)));
    }
}
