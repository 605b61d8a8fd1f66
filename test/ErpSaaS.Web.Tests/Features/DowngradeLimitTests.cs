using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Features;

/// <summary>A company that moved to a smaller plan while over its limits: adding more is refused, saying what to reduce.</summary>
public sealed class DowngradeLimitTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    [Fact]
    public async Task After_a_downgrade_to_starter_with_five_users_inviting_another_names_the_limit_the_count_and_what_to_do()
    {
        var tenantId = await fixture.Given.Tenant("shrink-web", PlanCodes.Standard);
        for (var i = 1; i <= 4; i++) await fixture.Given.User(tenantId, $"worker{i}");
        await fixture.Web.InScopeAsync(null, async sp =>
        {
            var starter = (await sp.GetRequiredService<IPlanRepository>().FindByCodeAsync(PlanCodes.Starter))!;
            await sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
            {
                (await sp.GetRequiredService<IBillingRepository>().FindSubscriptionAsync(tenantId, ct))!.ChangePlan(starter.Id, BillingInterval.Yearly);
                return true;
            });
        });
        fixture.Web.ForgetTenant(tenantId);
        using var browser = fixture.Web.TenantBrowser("shrink-web");
        await browser.SignInAsync("admin", Given.Password);

        var form = await browser.GetAsync("/app/identity/users/invite");
        var refused = await browser.SubmitAsync(form, "form:has([name='Input.Email'])", new Dictionary<string, string?>
        {
            ["Input.Email"] = "sixth@shrink-web.example.com", ["Input.DisplayName"] = "Sixth",
        });

        refused.Url.AbsolutePath.ShouldBe("/app/identity/users/invite");
        var message = refused.Document.QuerySelector("form:has([name='Input.Email']) .validation-summary-errors")!.TextContent.Trim();
        message.ShouldBe(T("Error:Features:LimitReached", "en", T("Feature:MaxUsers"), 3, 5) + " " + T("FeatureLimit:MaxUsers"));
        message.ShouldContain("at most 3 users");
        message.ShouldContain("you already have 5");
        message.ShouldContain("Deactivate users");
        message.ShouldContain("upgrade your plan");
    }
}
