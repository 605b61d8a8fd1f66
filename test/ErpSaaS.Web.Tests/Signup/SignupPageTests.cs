using System.Net;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Signup;

public sealed class SignupPageTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    [Fact]
    public async Task Pricing_shows_the_plans_and_leads_to_the_sign_up_form()
    {
        using var browser = fixture.Web.Browser();
        var pricing = await browser.GetAsync("/pricing");
        pricing.StatusCode.ShouldBe(HttpStatusCode.OK);
        pricing.Document.QuerySelectorAll("#pricing-table th[data-plan]").Length.ShouldBeGreaterThanOrEqualTo(4);
        pricing.Document.QuerySelector("#start-trial")!.GetAttribute("href").ShouldBe("/signup");
        (await browser.GetAsync("/signup?handler=Slug&Input.Slug=admin")).Text.ShouldContain("reserved");
    }

    [Fact]
    public async Task A_new_company_signs_up_and_lands_signed_in_on_its_own_dashboard_with_the_trial_banner()
    {
        using var browser = fixture.Web.Browser();
        var form = await browser.GetAsync("/signup");
        var home = await browser.SubmitAsync(form, "#signup-form", new Dictionary<string, string?>
        {
            ["Input.CompanyName"] = "Web Signup Co", ["Input.Slug"] = "web-signup", ["Input.DisplayName"] = "Wendy",
            ["Input.Email"] = "wendy@web-signup.example.com", ["Input.Password"] = "Secret123", ["Input.Language"] = "en",
        });
        home.StatusCode.ShouldBe(HttpStatusCode.OK, home.Text);
        home.Url.Host.ShouldBe("web-signup.localhost");
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#subscription-banner")!.TextContent.ShouldContain("14 day(s)");

        var again = await browser.SubmitAsync(form, "#signup-form", new Dictionary<string, string?>
        {
            ["Input.CompanyName"] = "Copy Co", ["Input.Slug"] = "web-signup", ["Input.DisplayName"] = "Copy",
            ["Input.Email"] = "copy@copy.example.com", ["Input.Password"] = "Secret123", ["Input.Language"] = "en",
        });
        again.FieldError("Input.Slug").ShouldContain("already taken");
    }
}
