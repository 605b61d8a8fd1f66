using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Account;

public sealed class PasswordResetTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug() => $"reset-{Guid.NewGuid():N}"[..20];

    private static Task<ErpPage> AskForLinkAsync(ErpBrowser browser, string userNameOrEmail, string? company = null) =>
        browser.GetAsync("/account/forgot-password").ContinueWith(async get =>
        {
            var fields = new Dictionary<string, string?> { ["Input.UserNameOrEmail"] = userNameOrEmail };
            if (company is not null) fields["Input.Company"] = company;
            return await browser.SubmitAsync(await get, "#forgot-password-form", fields);
        }).Unwrap();

    [Fact]
    public async Task Forgot_password_answers_the_same_whether_or_not_the_account_exists()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        var known = await AskForLinkAsync(browser, "admin");
        var unknown = await AskForLinkAsync(browser, "nobody@example.test");

        known.Document.QuerySelector("#reset-link-sent")!.TextContent.ShouldBe(T("Account:ResetLinkSent"));
        unknown.Document.QuerySelector("#reset-link-sent")!.TextContent.ShouldBe(T("Account:ResetLinkSent"));
        known.StatusCode.ShouldBe(unknown.StatusCode);
        var emails = await fixture.Web.EmailsAsync(tenantId);
        emails.Count.ShouldBe(1);
        emails[0].To.ShouldBe($"admin@{slug}.test");
    }

    [Fact]
    public async Task The_emailed_link_opens_on_the_company_subdomain_and_sets_a_new_password()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await AskForLinkAsync(browser, $"admin@{slug}.test");
        var email = (await fixture.Web.EmailsAsync(tenantId)).Single();

        email.Subject.ShouldBe(T("Email:PasswordReset:Subject", "en", $"{slug} Ltd."));
        email.Link.Host.ShouldBe($"{slug}.localhost");
        email.Link.AbsolutePath.ShouldBe("/account/reset-password");
        email.Html.ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(email.Link.ToString()));
        var done = await browser.SetPasswordAsync(email.Link.PathAndQuery, "N3w-passw0rd");

        done.Url.AbsolutePath.ShouldBe("/account/login");
        done.Text.ShouldContain(T("Account:PasswordResetDone"));
        (await browser.SignInAsync("admin", Given.Password)).Alerts.ShouldContain(T("Account:InvalidSignIn"));
        (await browser.SignInAsync("admin", "N3w-passw0rd")).Url.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task A_link_can_set_the_password_only_once()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await AskForLinkAsync(browser, "admin");
        var link = (await fixture.Web.EmailsAsync(tenantId)).Single().Link.PathAndQuery;
        await browser.SetPasswordAsync(link, "N3w-passw0rd");

        var reused = await browser.SetPasswordAsync(link, "An0ther-passw0rd");

        reused.Document.QuerySelector("#link-invalid")!.TextContent.ShouldBe(T("Account:LinkInvalid"));
    }

    [Fact]
    public async Task A_tampered_link_says_invalid_or_expired()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        var adminId = await fixture.InScopeAsync(tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        using var browser = fixture.Web.TenantBrowser(slug);

        var posted = await browser.SetPasswordAsync($"/account/reset-password?userId={adminId}&code=bm90LWEtdG9rZW4", "N3w-passw0rd");

        posted.Document.QuerySelector("#link-invalid")!.TextContent.ShouldBe(T("Account:LinkInvalid"));
        (await browser.SignInAsync("admin", Given.Password)).Url.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_is_refused_next_to_the_field()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await AskForLinkAsync(browser, "admin");
        var link = (await fixture.Web.EmailsAsync(tenantId)).Single().Link.PathAndQuery;

        var page = await browser.SetPasswordAsync(link, "short");

        page.FieldError("Input.NewPassword").ShouldContain(T("IdentityError:PasswordTooShort", "en", 8));
    }

    [Fact]
    public async Task On_the_main_domain_the_company_field_finds_the_account_and_the_link_points_to_its_subdomain()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.Browser();

        var page = await AskForLinkAsync(browser, "admin", company: slug);

        page.Document.QuerySelector("#reset-link-sent").ShouldNotBeNull();
        (await fixture.Web.EmailsAsync(tenantId)).Single().Link.Host.ShouldBe($"{slug}.localhost");
    }
}
