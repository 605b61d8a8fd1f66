using System.Net;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Errors;

public sealed class ErrorPageTests(ProbeWebFixture fixture) : IClassFixture<ProbeWebFixture>
{
    private static string NewSlug() => $"err-{Guid.NewGuid():N}"[..20];

    private async Task<ErpBrowser> SignedInAsync(string plan = PlanCodes.Professional, string userName = "admin", params string[] roles)
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug, plan);
        if (userName != "admin") await fixture.Given.User(tenantId, userName, roles);
        var browser = fixture.Web.TenantBrowser(slug);
        (await browser.SignInAsync(userName, Given.Password)).Url.AbsolutePath.ShouldBe("/");
        return browser;
    }

    /// <summary>The operator switches a feature off for one tenant, whatever its plan says.</summary>
    private Task SwitchOffAsync(Guid tenantId, string feature) => fixture.InScopeAsync(null, async sp =>
    {
        sp.GetRequiredService<IPlanRepository>().AddOverride(new TenantFeatureOverride(tenantId, feature, "false"));
        await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    });

    [Fact]
    public async Task A_missing_permission_shows_a_localized_403_page_without_an_upgrade_offer()
    {
        using var browser = await SignedInAsync(userName: "viewer", roles: StaticRoles.Viewer);

        var page = await browser.GetAsync("/probe/users");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.Url.AbsolutePath.ShouldBe("/probe/users");
        page.Document.QuerySelector("#error-message")!.TextContent.ShouldBe(T("ErrorPage:403:Text"));
        page.Document.QuerySelector("#upgrade-link").ShouldBeNull();
    }

    [Fact]
    public async Task A_feature_missing_from_the_plan_names_the_cheapest_plan_that_has_it_and_links_to_billing()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        await SwitchOffAsync(tenantId, ErpFeatures.Trading);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var page = await browser.GetAsync("/probe/catalog");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.Document.QuerySelector("#error-message")!.TextContent.ShouldBe(T("ErrorPage:403:FeatureMissing", "en", T("Feature:Trading")));
        page.Document.QuerySelector("#upgrade-hint")!.TextContent.ShouldBe(T("ErrorPage:403:PlanHasIt", "en", "Starter"));
        page.Document.QuerySelector("#upgrade-link")!.GetAttribute("href").ShouldBe("/app/billing");
    }

    [Fact]
    public async Task A_feature_refused_by_an_application_service_names_the_plan_too()
    {
        using var browser = await SignedInAsync(plan: PlanCodes.Starter);

        var page = await browser.GetAsync("/probe/finance");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.Document.QuerySelector("#upgrade-hint")!.TextContent.ShouldBe(T("ErrorPage:403:PlanHasIt", "en", "Standard"));
    }

    [Fact]
    public async Task A_page_that_does_not_exist_shows_the_404_page()
    {
        using var browser = await SignedInAsync();

        var page = await browser.GetAsync("/no/such/page");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Document.QuerySelector("#error-page")!.GetAttribute("data-status").ShouldBe("404");
        page.Text.ShouldContain(T("ErrorPage:404:Title"));
    }

    [Fact]
    public async Task A_missing_record_shows_the_404_page()
    {
        using var browser = await SignedInAsync();

        var page = await browser.GetAsync("/probe/missing");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Document.QuerySelector("#error-message")!.TextContent.ShouldBe(T("ErrorPage:404:Text"));
    }

    [Fact]
    public async Task A_bug_shows_the_500_page_with_a_reference_and_without_the_internals()
    {
        using var browser = await SignedInAsync();

        var page = await browser.GetAsync("/probe/crash");

        page.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        page.Text.ShouldContain(T("ErrorPage:500:Title"));
        page.Text.ShouldNotContain("secret internals");
        page.Text.ShouldContain(T("ErrorPage:Reference", "en", "").Trim());
    }

    [Fact]
    public async Task The_error_page_speaks_the_users_language()
    {
        using var browser = fixture.Web.Browser(language: "zh-CN");

        var page = await browser.GetAsync("/no/such/page");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Text.ShouldContain(T("ErrorPage:404:Title", "zh-Hans"));
    }
}
