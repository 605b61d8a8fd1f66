using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Billing;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Signup;

/// <summary>
/// A company whose trial ended without payment: the fixture's clock moves past the end and the subscription
/// lifecycle runs, as the nightly job would. It still reads, exports and pays; it changes nothing.
/// </summary>
public sealed class ReadOnlyCompanyTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>, IAsyncLifetime
{
    private string _slug = null!;
    private Guid _tenantId;
    private ErpBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _slug = $"ro-{Guid.NewGuid():N}"[..12];
        _tenantId = await fixture.Given.Tenant(_slug, PlanCodes.Trial, trial: true);
        fixture.Clock.Advance(TimeSpan.FromDays(TenantManager.TrialDays + 1));
        await fixture.Web.Services.GetRequiredService<SubscriptionLifecycle>().RunAsync();
        fixture.Web.ForgetTenant(_tenantId);
        var status = await fixture.Web.InScopeAsync(null, async sp => (await sp.GetRequiredService<ITenantRepository>().FindAsync(_tenantId))!.Status);
        status.ShouldBe(TenantStatus.ReadOnly);

        _browser = fixture.Web.TenantBrowser(_slug);
        var home = await _browser.SignInAsync("admin", Given.Password);
        home.Document.QuerySelector("#sign-out-form").ShouldNotBeNull(home.Url + " " + home.Text);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string?> CompanyNameAsync() => (await _browser.GetAsync("/app/settings")).ValueOf("Input.CompanyName");

    [Fact]
    public async Task Posting_the_settings_form_shows_the_read_only_page_with_the_upgrade_button_and_saves_nothing()
    {
        var before = await CompanyNameAsync();
        var form = await _browser.GetAsync("/app/settings");

        var refused = await _browser.SubmitAsync(form, "form:has([name='Input.CompanyName'])", new Dictionary<string, string?> { ["Input.CompanyName"] = "Renamed Ltd." });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, refused.Url + " " + refused.Text);
        refused.Document.QuerySelector("#read-only")!.TextContent.ShouldContain(T("Lifecycle:ReadOnlyRefused"));
        refused.Document.QuerySelector("#read-only a#upgrade")!.GetAttribute("href").ShouldBe("/app/billing");
        (await CompanyNameAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Switching_the_language_still_works_because_it_is_the_users_own_preference()
    {
        var page = await _browser.GetAsync("/app/billing");

        var switched = await _browser.SubmitAsync(page, "#language-switch", submitSelector: "#language-switch button[value='zh-Hans']");

        switched.StatusCode.ShouldBe(HttpStatusCode.OK, switched.Url + " " + switched.Text);
        switched.Document.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
    }

    [Fact]
    public async Task A_write_through_the_api_answers_403_problem_json_with_the_read_only_code()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/me/profile", UriKind.Relative))
        {
            Content = JsonContent.Create(new { displayName = "Changed", language = "en", timeZone = "Asia/Shanghai" }),
        };

        using var response = await _browser.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("code").GetString().ShouldBe(ErrorCodes.TenantIsReadOnly);
        problem.RootElement.GetProperty("upgradeUrl").GetString().ShouldBe("/app/billing");
        var me = await _browser.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));
        me.GetProperty("displayName").GetString().ShouldNotBe("Changed");
    }

    [Fact]
    public async Task Pages_the_csv_export_and_the_billing_page_still_open()
    {
        var settings = await _browser.GetAsync("/app/settings");
        var users = await _browser.GetAsync("/app/identity/users");
        using var csv = await _browser.Client.GetAsync(new Uri("/app/identity/users?handler=Export", UriKind.Relative));
        var billing = await _browser.GetAsync("/app/billing");

        settings.StatusCode.ShouldBe(HttpStatusCode.OK);
        users.StatusCode.ShouldBe(HttpStatusCode.OK);
        users.Document.QuerySelector("#subscription-banner")!.GetAttribute("data-kind").ShouldBe("ReadOnly");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("admin");
        billing.StatusCode.ShouldBe(HttpStatusCode.OK);
        billing.Document.QuerySelector("#read-only-notice").ShouldNotBeNull();
        billing.Document.QuerySelector("#pay-bank-transfer").ShouldNotBeNull();
    }
}
