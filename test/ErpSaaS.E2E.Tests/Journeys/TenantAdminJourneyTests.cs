using ErpSaaS.DataSeeding;
using ErpSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ErpSaaS.E2E.Tests.Journeys;

/// <summary>
/// The demo company's admin, in a real browser: signs in at the tenant's subdomain, switches the UI to English,
/// invites a colleague, creates a role with permissions, and signs out.
/// </summary>
public sealed class TenantAdminJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task The_demo_admin_signs_in_switches_language_invites_a_user_creates_a_role_and_signs_out()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(E2EHost.StepTimeoutMs);

        // Sign in at demo.localhost.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/account/login"));
        await page.FillAsync("input[name='Input.UserName']", DemoTenantSeeder.AdminUserName);
        await page.FillAsync("input[name='Input.Password']", DemoTenantSeeder.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#sign-out-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        (await page.EvaluateAsync<string>("document.documentElement.lang")).ShouldBe("zh-Hans");

        // Switch the language to English from the top bar.
        await page.ClickAsync("a.nav-link:has(i.ti-language)");
        await page.ClickAsync("#language-switch button[value='en']");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        var menu = await page.InnerTextAsync("aside");
        menu.ShouldContain("Users");
        menu.ShouldContain("Roles");

        // Invite a purchaser.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/identity/users/invite"));
        await page.FillAsync("input[name='Input.Email']", "mei.lin@demo.example");
        await page.FillAsync("input[name='Input.DisplayName']", "Mei Lin");
        await page.CheckAsync("input[name='Input.Roles'][value='Purchaser']");
        await page.ClickAsync("form button[type=submit].btn-primary");
        await page.WaitForURLAsync(url => url.Contains("/app/identity/users/", StringComparison.Ordinal) && !url.EndsWith("/invite", StringComparison.Ordinal));
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/identity/users"));
        (await page.InnerTextAsync("main, .page-body, body")).ShouldContain("mei.lin@demo.example");

        // Create a role and give it permissions to see users and roles.
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/identity/roles/create"));
        await page.FillAsync("input[name='Input.Name']", "Auditor");
        await page.FillAsync("textarea[name='Input.Description']", "Reads users and roles");
        await page.ClickAsync("form button[type=submit].btn-primary");
        await page.WaitForURLAsync(url => url.EndsWith("/permissions", StringComparison.Ordinal));
        await page.CheckAsync("input[name='Granted'][value='Identity.Users']");
        await page.CheckAsync("input[name='Granted'][value='Identity.Roles']");
        await page.ClickAsync("form[data-permission-matrix] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ReloadAsync();
        (await page.IsCheckedAsync("input[name='Granted'][value='Identity.Users']")).ShouldBeTrue();
        (await page.IsCheckedAsync("input[name='Granted'][value='Identity.Roles']")).ShouldBeTrue();
        (await page.IsCheckedAsync("input[name='Granted'][value='Identity.Users.Manage']")).ShouldBeFalse();

        // Sign out from the user menu: the sign-in page comes back.
        await page.ClickAsync("a.nav-link:has(span.avatar)");
        await page.ClickAsync("#sign-out-form button[type=submit]");
        await page.WaitForSelectorAsync("#login-form");
        await page.GotoAsync(host.TenantUrl(DemoTenantSeeder.Slug, "/app/identity/users"));
        await page.WaitForSelectorAsync("#login-form");
        page.Url.ShouldContain("/account/login");
    }
}
