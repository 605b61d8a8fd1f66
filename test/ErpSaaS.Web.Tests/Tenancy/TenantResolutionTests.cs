using System.Net;
using System.Text.Json;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Tenancy;

public sealed class TenantResolutionTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static string Heading(ErpPage page) => page.Document.QuerySelector("h2")!.TextContent.Trim();

    [Fact]
    public async Task The_subdomain_names_the_company()
    {
        var slug = NewSlug("sub");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        var page = await browser.GetAsync("/account/login");

        Heading(page).ShouldBe(T("Account:SignInTo", "en", $"{slug} Ltd."));
        page.Document.QuerySelector("#Input_Company").ShouldBeNull("the subdomain already says which company");
    }

    [Fact]
    public async Task The_tenant_header_names_the_company_on_the_main_domain()
    {
        var slug = NewSlug("hdr");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.Browser();
        browser.Client.DefaultRequestHeaders.Add(TenantConsts.TenantHeader, slug);

        var login = await browser.GetAsync("/account/login");
        var home = await browser.SignInAsync("admin", Given.Password);

        Heading(login).ShouldBe(T("Account:SignInTo", "en", $"{slug} Ltd."));
        home.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
    }

    [Fact]
    public async Task An_unknown_subdomain_gets_a_friendly_not_found_page_with_a_sign_up_link()
    {
        using var browser = fixture.Web.TenantBrowser("no-such-company");

        var page = await browser.GetAsync("/");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Document.QuerySelector("#tenant-not-found").ShouldNotBeNull();
        page.Text.ShouldContain(T("TenantNotFound:Text", "en", "no-such-company.localhost"));
        page.Document.QuerySelector("#sign-up-link")!.GetAttribute("href").ShouldBe("http://localhost/signup");
    }

    [Fact]
    public async Task An_unknown_subdomain_answers_the_api_with_a_problem()
    {
        using var browser = fixture.Web.TenantBrowser("no-such-company");

        using var response = await browser.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_sign_in_of_one_company_is_refused_on_another_companys_subdomain_with_a_way_out()
    {
        var acme = NewSlug("acme");
        var globex = NewSlug("globex");
        await fixture.Given.Tenant(acme);
        await fixture.Given.Tenant(globex);
        using var browser = fixture.Web.TenantBrowser(acme);
        await browser.SignInAsync("admin", Given.Password);
        // The acme sign-in cookie presented to globex (as a cookie scoped to the parent domain would be).
        var acmeCookie = browser.Cookies.GetCookies(new Uri($"http://{acme}.localhost/"))["erp.auth"]!;
        var globexHost = new Uri($"http://{globex}.localhost/");
        browser.Cookies.Add(globexHost, new Cookie(acmeCookie.Name, acmeCookie.Value, "/", globexHost.Host));

        var mismatch = await browser.GetAsync($"{globexHost}app/anything");
        var api = await browser.GetAsync($"{globexHost}api/v1/me");
        var signedOut = await browser.SubmitAsync(mismatch, "#mismatch-sign-out");

        mismatch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        mismatch.Text.ShouldContain(T("TenantMismatch:Text", "en", $"{acme} Ltd.", $"{globex} Ltd."));
        mismatch.Document.QuerySelector("#own-company-link")!.GetAttribute("href").ShouldBe($"http://{acme}.localhost/");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        api.MediaType.ShouldBe("application/problem+json");
        signedOut.Url.ShouldBe(new Uri($"{globexHost}account/login"));
        Heading(signedOut).ShouldBe(T("Account:SignInTo", "en", $"{globex} Ltd."));
    }

    [Fact]
    public async Task Signed_in_on_the_main_domain_the_users_company_comes_from_the_sign_in()
    {
        var slug = NewSlug("claim");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.Browser();
        await browser.SignInAsync("admin", Given.Password, company: slug);

        using var response = await browser.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        me.RootElement.GetProperty("tenant").GetProperty("slug").GetString().ShouldBe(slug);
    }
}
