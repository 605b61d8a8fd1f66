using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Account;

public sealed class ProfileTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug() => $"prof-{Guid.NewGuid():N}"[..20];

    private Guid _tenantId;

    /// <summary>A browser signed in as the admin of a new tenant (kept in <see cref="_tenantId"/>).</summary>
    private async Task<ErpBrowser> SignedInAsync()
    {
        var slug = NewSlug();
        _tenantId = await fixture.Given.Tenant(slug);
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        return browser;
    }

    [Fact]
    public async Task Saving_the_profile_changes_name_language_and_time_zone_at_once()
    {
        using var browser = await SignedInAsync();
        var profile = await browser.GetAsync("/account/profile");

        var saved = await browser.SubmitAsync(profile, "#profile-form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "王芳",
            ["Input.Language"] = "zh-Hans",
            ["Input.TimeZone"] = "Asia/Tokyo",
        });

        saved.Url.AbsolutePath.ShouldBe("/account/profile");
        saved.Text.ShouldContain(T("Account:ProfileSaved", "zh-Hans"));
        saved.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe("王芳");
        saved.ValueOf("Input.TimeZone").ShouldBe("Asia/Tokyo");
        var user = await fixture.InScopeAsync(_tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!);
        (user.DisplayName, user.Language, user.TimeZone).ShouldBe(("王芳", "zh-Hans", "Asia/Tokyo"));
    }

    [Fact]
    public async Task A_time_zone_that_is_not_offered_is_refused_next_to_the_field_keeping_the_rest_of_the_input()
    {
        using var browser = await SignedInAsync();
        var profile = await browser.GetAsync("/account/profile");

        var page = await browser.SubmitAsync(profile, "#profile-form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Zhang Wei",
            ["Input.TimeZone"] = "Mars/Olympus_Mons",
        });

        page.FieldError("Input.TimeZone").ShouldBe(T("Error:Common:ValueNotAllowed", "en", "Mars/Olympus_Mons"));
        page.ValueOf("Input.DisplayName").ShouldBe("Zhang Wei");
    }

    [Fact]
    public async Task A_blank_name_is_refused_and_the_password_form_stays_quiet()
    {
        using var browser = await SignedInAsync();
        var profile = await browser.GetAsync("/account/profile");

        var page = await browser.SubmitAsync(profile, "#profile-form", new Dictionary<string, string?> { ["Input.DisplayName"] = "" });

        page.FieldError("Input.DisplayName").ShouldBe(T("Validation:Required", "en", T("Account:DisplayName")));
        page.FieldError("Password.CurrentPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_current_password_is_shown_next_to_it()
    {
        using var browser = await SignedInAsync();
        var profile = await browser.GetAsync("/account/profile");

        var page = await browser.SubmitAsync(profile, "#password-form", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = "Not-the-passw0rd",
            ["Password.NewPassword"] = "An0ther-passw0rd",
            ["Password.ConfirmPassword"] = "An0ther-passw0rd",
        });

        page.FieldError("Password.CurrentPassword").ShouldBe(T("IdentityError:PasswordMismatch"));
        page.FieldError("Input.DisplayName").ShouldBeEmpty();
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_and_the_new_password_works()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var changed = await browser.SubmitAsync(await browser.GetAsync("/account/profile"), "#password-form", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = Given.Password,
            ["Password.NewPassword"] = "An0ther-passw0rd",
            ["Password.ConfirmPassword"] = "An0ther-passw0rd",
        });
        using var other = fixture.Web.TenantBrowser(slug);

        changed.Text.ShouldContain(T("Account:PasswordChanged"));
        (await browser.GetAsync("/")).Url.AbsolutePath.ShouldBe("/");
        (await other.SignInAsync("admin", "An0ther-passw0rd")).Url.AbsolutePath.ShouldBe("/");
    }
}
