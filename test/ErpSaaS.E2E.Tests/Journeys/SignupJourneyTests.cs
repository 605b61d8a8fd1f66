using System.Text.RegularExpressions;
using ErpSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ErpSaaS.E2E.Tests.Journeys;

/// <summary>
/// A new company, in a real browser: from the pricing page on the main domain through the sign-up form to its own
/// dashboard on its subdomain, then to the billing page to order the Standard plan paid by bank transfer.
/// </summary>
public sealed partial class SignupJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    private const string Slug = "journey-co";

    [Fact]
    public async Task A_new_company_signs_up_from_the_pricing_page_and_orders_the_standard_plan_by_bank_transfer()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(E2EHost.StepTimeoutMs);

        // The pricing page on the main domain leads to the sign-up form.
        await page.GotoAsync(host.HostUrl("/pricing"));
        await page.ClickAsync("#start-trial");
        await page.WaitForSelectorAsync("#signup-form");
        new Uri(page.Url).AbsolutePath.ShouldBe("/signup");

        // The subdomain field says, as one types, whether the subdomain can be had.
        await page.FillAsync("input[name='Input.CompanyName']", "Journey Trading Co");
        await page.FillAsync("input[name='Input.Slug']", Slug);
        var availability = await page.WaitForSelectorAsync("#slug-availability[data-availability='Available']");
        (await availability!.InnerTextAsync()).ShouldContain($"\"{Slug}\" is available.");

        await page.FillAsync("input[name='Input.DisplayName']", "Judy Journey");
        await page.FillAsync("input[name='Input.Email']", "judy@journey-co.example.com");
        await page.FillAsync("input[name='Input.Password']", "Secret123");
        await page.SelectOptionAsync("select[name='Input.Language']", "en");
        await page.ClickAsync("#signup-submit");

        // It lands signed in on its own dashboard, with the trial's days left above the page.
        await page.WaitForURLAsync(url => new Uri(url).Host == $"{Slug}.localhost", new PageWaitForURLOptions { Timeout = 60_000 });
        await page.WaitForSelectorAsync("#sign-out-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        var banner = await page.InnerTextAsync("#subscription-banner");
        DaysLeft().IsMatch(banner).ShouldBeTrue(banner);

        // The billing page: Standard, monthly, by bank transfer.
        await page.GotoAsync(host.TenantUrl(Slug, "/app/billing"));
        await page.SelectOptionAsync("#upgrade-form select[name='Input.PlanId']", new SelectOptionValue { Label = "Standard" });
        await page.SelectOptionAsync("#upgrade-form select[name='Input.Interval']", "Monthly");
        await page.ClickAsync("#pay-bank-transfer");

        var instructions = await page.WaitForSelectorAsync("#transfer-instructions");
        var reference = await page.InnerTextAsync("#transfer-instructions .transfer-reference");
        reference.ShouldStartWith("ERP-");
        var text = await instructions!.InnerTextAsync();
        text.ShouldContain("899.00");
        text.ShouldContain(reference);
        (await page.InnerTextAsync("#pending-transfers")).ShouldContain(reference);
    }

    [GeneratedRegex(@"Your free trial ends in 1[34] day\(s\)")]
    private static partial Regex DaysLeft();
}
