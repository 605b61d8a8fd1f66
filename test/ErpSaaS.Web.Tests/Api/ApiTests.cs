using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Api;

public sealed class ApiTests(ProbeWebFixture fixture) : IClassFixture<ProbeWebFixture>
{
    private static string NewSlug() => $"api-{Guid.NewGuid():N}"[..20];

    private Guid _tenantId;

    /// <summary>A browser signed in as the admin of a new tenant (kept in <see cref="_tenantId"/>).</summary>
    private async Task<ErpBrowser> SignedInAsync(string plan = PlanCodes.Professional)
    {
        var slug = NewSlug();
        _tenantId = await fixture.Given.Tenant(slug, plan);
        var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("admin", Given.Password);
        return browser;
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> SendAsync(ErpBrowser browser, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await browser.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json.RootElement.Clone());
    }

    [Fact]
    public async Task Me_tells_who_is_signed_in_in_which_company_with_which_permissions()
    {
        using var browser = await SignedInAsync();

        var (status, _, me) = await SendAsync(browser, HttpMethod.Get, "/api/v1/me");

        status.ShouldBe(HttpStatusCode.OK);
        me.GetProperty("userName").GetString().ShouldBe("admin");
        me.GetProperty("tenant").GetProperty("id").GetGuid().ShouldBe(_tenantId);
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        permissions.ShouldContain(ErpPermissions.Identity.Users);
        permissions.ShouldNotContain(ErpPermissions.Host.Tenants);
    }

    [Fact]
    public async Task Me_for_the_operator_has_no_company_and_the_host_permissions()
    {
        using var browser = fixture.Web.Browser();
        await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);

        var (_, _, me) = await SendAsync(browser, HttpMethod.Get, "/api/v1/me");

        me.GetProperty("tenant").ValueKind.ShouldBe(JsonValueKind.Null);
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldContain(ErpPermissions.Host.Tenants);
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_as_a_problem_not_a_redirect()
    {
        using var browser = fixture.Web.Browser();

        var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/me");

        status.ShouldBe(HttpStatusCode.Unauthorized);
        mediaType.ShouldBe("application/problem+json");
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("title").GetString().ShouldBe(T("ErrorPage:401:Title"));
    }

    [Fact]
    public async Task An_invalid_profile_update_answers_400_with_the_message_under_the_fields_json_name()
    {
        using var browser = await SignedInAsync();

        var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Put, "/api/v1/me/profile",
            new { displayName = "Li Na", language = "en", timeZone = "Mars/Olympus_Mons" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        mediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe(ErpSaaS.Errors.ErrorCodes.ValueNotAllowed);
        problem.GetProperty("errors").GetProperty("timeZone")[0].GetString().ShouldBe(T("Error:Common:ValueNotAllowed", "en", "Mars/Olympus_Mons"));
    }

    [Fact]
    public async Task A_valid_profile_update_through_the_api_is_saved()
    {
        using var browser = await SignedInAsync();

        var (status, _, profile) = await SendAsync(browser, HttpMethod.Put, "/api/v1/me/profile",
            new { displayName = "Li Na", language = "zh-Hans", timeZone = "Asia/Singapore" });
        var (_, _, me) = await SendAsync(browser, HttpMethod.Get, "/api/v1/me");

        status.ShouldBe(HttpStatusCode.OK);
        profile.GetProperty("timeZone").GetString().ShouldBe("Asia/Singapore");
        me.GetProperty("displayName").GetString().ShouldBe("Li Na");
        me.GetProperty("language").GetString().ShouldBe("zh-Hans");
    }

    [Fact]
    public async Task A_business_rule_with_a_nested_field_is_reported_under_that_fields_json_path()
    {
        using var browser = await SignedInAsync();

        var (status, _, problem) = await SendAsync(browser, HttpMethod.Post, "/api/v1/probe/rule");

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString().ShouldBe(T("Error:Common:ValueTooLong", "en", 12));
    }

    [Fact]
    public async Task A_business_rule_without_a_field_is_the_problems_detail()
    {
        using var browser = await SignedInAsync();

        var (status, _, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/rule-without-field");

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe(T("Error:Tenancy:ReadOnly"));
        problem.TryGetProperty("errors", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Refusals_missing_records_conflicts_and_bugs_have_their_own_statuses()
    {
        using var browser = await SignedInAsync(PlanCodes.Starter);

        var forbidden = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/finance");
        var missing = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/missing");
        var conflict = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/conflict");
        var bug = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/crash");
        var nowhere = await SendAsync(browser, HttpMethod.Get, "/api/v1/no-such-endpoint");

        forbidden.Status.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Body.GetProperty("feature").GetString().ShouldBe(ErpFeatures.Finance);
        forbidden.Body.GetProperty("upgradePlan").GetString().ShouldBe(PlanCodes.Standard);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Body.GetProperty("title").GetString().ShouldBe(T("ErrorPage:404:Title"));
        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        conflict.Body.GetProperty("detail").GetString().ShouldBe(T("Error:Common:ConcurrencyConflict"));
        bug.Status.ShouldBe(HttpStatusCode.InternalServerError);
        bug.Body.GetProperty("detail").GetString()!.ShouldNotContain("secret internals");
        nowhere.Status.ShouldBe(HttpStatusCode.NotFound);
        nowhere.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_permission_refused_by_the_plan_answers_403_naming_the_plan_to_upgrade_to()
    {
        using var browser = await SignedInAsync();
        // The operator switches trading off for this tenant in the running app (its feature cache drops at once).
        await fixture.Web.InScopeAsync(null, async sp =>
        {
            sp.GetRequiredService<IPlanRepository>().AddOverride(new TenantFeatureOverride(_tenantId, ErpFeatures.Trading, "false"));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        });

        var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/catalog");

        status.ShouldBe(HttpStatusCode.Forbidden);
        mediaType.ShouldBe("application/problem+json");
        problem.GetProperty("feature").GetString().ShouldBe(ErpFeatures.Trading);
        problem.GetProperty("upgradePlan").GetString().ShouldBe(PlanCodes.Starter);
        problem.GetProperty("upgradeUrl").GetString().ShouldBe("/app/billing");
    }

    [Fact]
    public async Task A_missing_permission_answers_403_as_a_problem()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        await fixture.Given.User(tenantId, "viewer", StaticRoles.Viewer);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SignInAsync("viewer", Given.Password);

        var (status, mediaType, problem) = await SendAsync(browser, HttpMethod.Get, "/api/v1/probe/users");

        status.ShouldBe(HttpStatusCode.Forbidden);
        mediaType.ShouldBe("application/problem+json");
        problem.GetProperty("title").GetString().ShouldBe(T("ErrorPage:403:Title"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var browser = fixture.Web.Browser();

        var (status, _, document) = await SendAsync(browser, HttpMethod.Get, "/openapi/v1.json");

        status.ShouldBe(HttpStatusCode.OK);
        document.GetProperty("paths").TryGetProperty("/api/v1/me", out _).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/api/v1/me/profile", out _).ShouldBeTrue();
    }
}
