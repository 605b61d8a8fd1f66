using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Localization;

public sealed class LanguageTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug() => $"lang-{Guid.NewGuid():N}"[..20];

    private static string Heading(ErpPage page) => page.Document.QuerySelector("h2")!.TextContent.Trim();

    [Fact]
    public async Task Without_any_preference_the_app_speaks_simplified_chinese()
    {
        using var browser = fixture.Web.Browser(language: null);

        var page = await browser.GetAsync("/account/login");

        Heading(page).ShouldBe(T("Account:SignInTitle", "zh-Hans"));
        page.Document.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
    }

    [Fact]
    public async Task The_browsers_accept_language_picks_english()
    {
        using var browser = fixture.Web.Browser(language: "en-US,en;q=0.9");

        var page = await browser.GetAsync("/account/login");

        Heading(page).ShouldBe(T("Account:SignInTitle", "en"));
    }

    [Fact]
    public async Task The_language_switch_on_the_sign_in_page_changes_the_text_and_is_remembered()
    {
        using var browser = fixture.Web.Browser(language: "en");
        var english = await browser.GetAsync("/account/login");

        var chinese = await browser.SubmitAsync(english, "#language-switch", submitSelector: "button[value='zh-Hans']");
        var later = await browser.GetAsync("/account/forgot-password");

        Heading(english).ShouldBe(T("Account:SignInTitle", "en"));
        chinese.Url.AbsolutePath.ShouldBe("/account/login");
        Heading(chinese).ShouldBe(T("Account:SignInTitle", "zh-Hans"));
        Heading(later).ShouldBe(T("Account:ForgotPasswordTitle", "zh-Hans"));
    }

    [Fact]
    public async Task A_signed_in_users_switch_is_saved_to_the_profile_and_follows_them_to_another_browser()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var home = await browser.SignInAsync("admin", Given.Password);

        var switched = await browser.SubmitAsync(home, "#language-switch", submitSelector: "button[value='zh-Hans']");
        using var otherBrowser = fixture.Web.TenantBrowser(slug, language: "en");
        var elsewhere = await otherBrowser.SignInAsync("admin", Given.Password);

        home.Document.QuerySelector("#breadcrumbs a")!.TextContent.ShouldBe(T("Menu:Home", "en"));
        switched.Url.AbsolutePath.ShouldBe("/");
        switched.Document.QuerySelector("#breadcrumbs a")!.TextContent.ShouldBe(T("Menu:Home", "zh-Hans"));
        elsewhere.Document.QuerySelector("#breadcrumbs a")!.TextContent.ShouldBe(T("Menu:Home", "zh-Hans"));
        var language = await fixture.InScopeAsync(tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Language);
        language.ShouldBe("zh-Hans");
    }
}
