using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Account;

public sealed class TwoFactorTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private static string NewSlug() => $"totp-{Guid.NewGuid():N}"[..20];

    private string CodeFor(string sharedKey) => Totp.Compute(Base32.Decode(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal)), fixture.Clock.GetUtcNow());

    /// <summary>Signs in, sets up the authenticator with a code computed like an app would, and returns the key and recovery codes.</summary>
    private async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(ErpBrowser browser)
    {
        await browser.SignInAsync("admin", Given.Password);
        var setup = await browser.GetAsync("/account/two-factor");
        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Trim();
        var enabled = await browser.SubmitAsync(setup, "#enable-two-factor-form", new Dictionary<string, string?> { ["Input.Code"] = CodeFor(key) });
        enabled.Document.QuerySelector("#two-factor-enabled").ShouldNotBeNull(enabled.Text);
        var codes = enabled.Document.QuerySelectorAll("[data-recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        await browser.SubmitAsync(enabled, "#sign-out-form");
        // The setup code is spent; the next sign-in uses the app's next code.
        fixture.Clock.Advance(Totp.Step);
        return (key, codes);
    }

    [Fact]
    public async Task The_setup_page_shows_the_key_in_groups_of_four_and_an_otpauth_uri_for_user_at_company()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);

        var setup = await browser.GetAsync("/account/two-factor");

        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Trim();
        key.Split(' ').ShouldAllBe(group => group.Length <= 4);
        var uri = setup.Document.QuerySelector("#authenticator-uri")!.TextContent;
        uri.ShouldStartWith($"otpauth://totp/ErpSaaS:admin@{slug}?secret={key.Replace(" ", string.Empty, StringComparison.Ordinal)}&issuer=ErpSaaS");
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        var setup = await browser.GetAsync("/account/two-factor");
        var right = CodeFor(setup.Document.QuerySelector("#shared-key")!.TextContent);
        var wrong = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var page = await browser.SubmitAsync(setup, "#enable-two-factor-form", new Dictionary<string, string?> { ["Input.Code"] = wrong });

        page.FieldError("Input.Code").ShouldBe(T("Error:Identity:TwoFactorCodeInvalid"));
        page.Document.QuerySelector("#two-factor-setup").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_only_once()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var (key, _) = await EnableAsync(browser);
        var code = CodeFor(key);

        var first = await browser.SignInWithCodeAsync("admin", Given.Password, code);
        await browser.SubmitAsync(first, "#sign-out-form");
        var replayed = await browser.SignInWithCodeAsync("admin", Given.Password, code);

        first.Url.AbsolutePath.ShouldBe("/");
        replayed.Url.AbsolutePath.ShouldBe("/account/login-2fa", "a code seen once must not sign in again");
    }

    [Fact]
    public async Task After_setup_signing_in_asks_for_the_authenticator_code()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var (key, recoveryCodes) = await EnableAsync(browser);

        var secondStep = await browser.SignInAsync("admin", Given.Password);
        var beforeCode = await browser.GetAsync("/");
        fixture.Clock.Advance(Totp.Step);
        var home = await browser.SignInWithCodeAsync("admin", Given.Password, CodeFor(key));

        recoveryCodes.Count.ShouldBe(10);
        beforeCode.Url.AbsolutePath.ShouldBe("/account/login", "the password alone must not sign in");
        secondStep.Url.AbsolutePath.ShouldBe("/account/login-2fa");
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var (_, recoveryCodes) = await EnableAsync(browser);

        var home = await browser.SignInWithCodeAsync("admin", Given.Password, recoveryCodes[0]);
        await browser.SubmitAsync(home, "#sign-out-form");
        var reused = await browser.SignInWithCodeAsync("admin", Given.Password, recoveryCodes[0]);

        home.Url.AbsolutePath.ShouldBe("/");
        reused.Url.AbsolutePath.ShouldBe("/account/login-2fa");
        reused.FieldError("Input.Code").ShouldBe(T("Error:Identity:TwoFactorCodeInvalid"));
    }

    [Fact]
    public async Task On_the_main_domain_the_second_step_stays_in_the_company_named_in_the_first()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var tenantBrowser = fixture.Web.TenantBrowser(slug);
        var (key, _) = await EnableAsync(tenantBrowser);
        using var browser = fixture.Web.Browser();

        var secondStep = await browser.SignInAsync("admin", Given.Password, company: slug);
        var home = await browser.SubmitAsync(secondStep, "#login-2fa-form", new Dictionary<string, string?> { ["Input.Code"] = CodeFor(key) });

        secondStep.Url.Query.ShouldContain($"company={slug}");
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
    }

    [Fact]
    public async Task Turning_two_factor_off_lets_the_password_alone_sign_in_again()
    {
        var slug = NewSlug();
        await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        var (key, _) = await EnableAsync(browser);
        var home = await browser.SignInWithCodeAsync("admin", Given.Password, CodeFor(key));

        var manage = await browser.GetAsync("/account/two-factor");
        var off = await browser.SubmitAsync(manage, "#disable-two-factor-form");
        await browser.SubmitAsync(off, "#sign-out-form");
        var again = await browser.SignInAsync("admin", Given.Password);

        home.Url.AbsolutePath.ShouldBe("/");
        off.Text.ShouldContain(T("Account:TwoFactorDisabled"));
        again.Url.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public void The_authenticator_provider_is_the_apps_own_totp_implementation()
    {
        var tokens = fixture.Web.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Tokens;

        tokens.ProviderMap[tokens.AuthenticatorTokenProvider].ProviderType.ShouldBe(typeof(ErpSaaS.Web.Identity.ErpAuthenticatorTokenProvider));
    }
}
