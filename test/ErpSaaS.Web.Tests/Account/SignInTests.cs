using System.Net;
using ErpSaaS.Common;
using ErpSaaS.Identity;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Account;

public sealed class SignInTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Signing_in_on_the_company_subdomain_opens_the_company_home()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        var page = await browser.SignInAsync("admin", Given.Password);

        page.Url.AbsolutePath.ShouldBe("/");
        page.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
        page.Document.QuerySelector("#plan-name")!.TextContent.ShouldBe("Professional");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_message()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        var wrongPassword = await browser.SignInAsync("admin", "Wrong-passw0rd");
        var unknownUser = await browser.SignInAsync("nobody", "Wrong-passw0rd");

        wrongPassword.Url.AbsolutePath.ShouldBe("/account/login");
        wrongPassword.Alerts.ShouldContain(T("Account:InvalidSignIn"));
        unknownUser.Alerts.ShouldBe(wrongPassword.Alerts);
        wrongPassword.ValueOf("Input.UserName").ShouldBe("admin");
    }

    [Fact]
    public async Task An_empty_form_shows_what_is_missing_next_to_each_field_in_the_users_language()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var english = fixture.Web.TenantBrowser(slug);
        using var chinese = fixture.Web.TenantBrowser(slug, language: null);

        var inEnglish = await english.SignInAsync("", "");
        var inChinese = await chinese.SignInAsync("", "");

        inEnglish.FieldError("Input.UserName").ShouldBe(T("Validation:Required", "en", T("Account:UserName", "en")));
        inEnglish.FieldError("Input.Password").ShouldBe(T("Validation:Required", "en", T("Account:Password", "en")));
        inChinese.FieldError("Input.UserName").ShouldBe(T("Validation:Required", "zh-Hans", T("Account:UserName", "zh-Hans")));
    }

    [Fact]
    public async Task Too_many_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        for (var attempt = 1; attempt < ErpIdentityOptions.MaxFailedAccessAttempts; attempt++)
        {
            (await browser.SignInAsync("admin", "Wrong-passw0rd")).Url.AbsolutePath.ShouldBe("/account/login");
        }
        var last = await browser.SignInAsync("admin", "Wrong-passw0rd");
        var rightPassword = await browser.SignInAsync("admin", Given.Password);

        last.Url.AbsolutePath.ShouldBe("/account/lockout");
        last.Text.ShouldContain(T("Account:LockedOutText", "en", (int)ErpIdentityOptions.LockoutDuration.TotalMinutes));
        rightPassword.Url.AbsolutePath.ShouldBe("/account/lockout");
    }

    [Fact]
    public async Task An_unknown_user_name_locks_out_after_as_many_attempts_as_a_real_one()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        ErpPage? last = null;
        for (var attempt = 1; attempt <= ErpIdentityOptions.MaxFailedAccessAttempts; attempt++)
        {
            last = await browser.SignInAsync("ghost", "Wrong-passw0rd");
        }

        last!.Url.AbsolutePath.ShouldBe("/account/lockout");
    }

    [Fact]
    public async Task A_suspended_company_cannot_sign_in_and_is_told_why()
    {
        var slug = NewSlug("susp");
        var tenantId = await fixture.Given.Tenant(slug);
        await fixture.InScopeAsync(null, async sp =>
        {
            var tenant = (await sp.GetRequiredService<ITenantRepository>().FindAsync(tenantId))!;
            tenant.ChangeStatus(TenantStatus.Suspended);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });
        fixture.Web.ForgetTenant(tenantId);
        using var browser = fixture.Web.TenantBrowser(slug);

        var page = await browser.SignInAsync("admin", Given.Password);

        page.Url.AbsolutePath.ShouldBe("/account/login");
        page.Alerts.ShouldContain(T("Account:TenantSuspended"));
        (await browser.GetAsync("/")).Url.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task A_deactivated_user_learns_it_only_after_giving_the_right_password()
    {
        var slug = NewSlug("acme");
        var tenantId = await fixture.Given.Tenant(slug);
        await fixture.Given.User(tenantId, "leaver");
        await fixture.InScopeAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("leaver"))!;
            user.Deactivate();
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        });
        using var browser = fixture.Web.TenantBrowser(slug);

        var wrongPassword = await browser.SignInAsync("leaver", "Wrong-passw0rd");
        var rightPassword = await browser.SignInAsync("leaver", Given.Password);

        wrongPassword.Alerts.ShouldContain(T("Account:InvalidSignIn"));
        rightPassword.Alerts.ShouldContain(T("Account:Deactivated"));
        (await browser.GetAsync("/")).Url.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task On_the_main_domain_the_company_field_signs_in_to_that_company()
    {
        var slug = NewSlug("main");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.Browser();

        var page = await browser.SignInAsync("admin", Given.Password, company: slug);

        page.Url.Host.ShouldBe("localhost");
        page.Url.AbsolutePath.ShouldBe("/");
        page.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
    }

    [Fact]
    public async Task An_unknown_company_on_the_main_domain_reads_like_a_wrong_password()
    {
        using var browser = fixture.Web.Browser();

        var page = await browser.SignInAsync("admin", Given.Password, company: "no-such-company");

        page.Alerts.ShouldContain(T("Account:InvalidSignIn"));
    }

    [Fact]
    public async Task The_platform_operator_signs_in_on_the_main_domain_without_a_company()
    {
        using var browser = fixture.Web.Browser();

        var page = await browser.SignInAsync(ErpSaaS.DataSeeding.HostDataSeeder.OperatorUserName, ErpSaaS.DataSeeding.HostDataSeeder.OperatorPassword);

        page.Url.AbsolutePath.ShouldBe("/");
        page.Document.QuerySelector("#operator-home").ShouldNotBeNull();
        // The seeded operator's profile says zh-Hans, which wins over the browser's English.
        page.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe(T("Shell:Platform", "zh-Hans"));
    }

    [Fact]
    public async Task Signing_in_records_when_the_user_last_signed_in()
    {
        var slug = NewSlug("acme");
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        await browser.SignInAsync("admin", Given.Password);

        var lastSignIn = await fixture.InScopeAsync(tenantId, async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.LastSignInAt);
        lastSignIn.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var home = await browser.SignInAsync("admin", Given.Password);

        var confirm = await browser.GetAsync("/account/logout");
        (await browser.GetAsync("/")).Url.AbsolutePath.ShouldBe("/", "a GET must not sign out");
        var signedOut = await browser.SubmitAsync(home, "#sign-out-form");

        confirm.Document.QuerySelector("#logout-form").ShouldNotBeNull();
        signedOut.Url.AbsolutePath.ShouldBe("/account/login");
        signedOut.Text.ShouldContain(T("Account:SignedOut"));
        (await browser.GetAsync("/")).Url.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed()
    {
        var slug = NewSlug("acme");
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var login = await browser.GetAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        var page = await browser.SubmitAsync(login, ErpBrowser.LoginFormSelector,
            new Dictionary<string, string?> { ["Input.UserName"] = "admin", ["Input.Password"] = Given.Password });

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Url.Host.ShouldBe($"{slug}.localhost");
        page.Url.AbsolutePath.ShouldBe("/");
    }
}
