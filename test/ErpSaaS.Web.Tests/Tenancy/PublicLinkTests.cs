using System.Net;
using ErpSaaS.Features;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Jobs;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Tenancy;

/// <summary>The web app configured as <c>etc/run.sh</c> runs it: users reach it at http://localhost:5000.</summary>
public sealed class PublicPortWebFixture : ErpWebFixture
{
    protected override IReadOnlyDictionary<string, string?> WebSettings =>
        new Dictionary<string, string?> { ["Tenancy:PublicBaseUrl"] = "http://localhost:5000" };
}

/// <summary>
/// Every link that leaves the app, built in a background job or while serving a request, points to the configured public
/// address (scheme, company subdomain and port), never to the scheme or port a request happened to arrive with.
/// </summary>
public sealed class PublicLinkTests(PublicPortWebFixture fixture) : IClassFixture<PublicPortWebFixture>
{
    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_trial_reminder_queued_by_the_job_links_to_the_billing_page_at_the_configured_scheme_subdomain_and_port()
    {
        var slug = NewSlug("remind");
        var tenantId = await fixture.Given.Tenant(slug, PlanCodes.Trial, trial: true);
        var start = fixture.Clock.GetUtcNow();
        try
        {
            fixture.Clock.Set(start.AddDays(TenantManager.TrialDays - 2.5));
            var job = ActivatorUtilities.CreateInstance<SubscriptionLifecycleJob>(fixture.Web.Services);

            // The job reads nothing from its Quartz context.
            await job.Execute(null!, CancellationToken.None);

            var reminder = (await fixture.Web.EmailsAsync(tenantId)).ShouldHaveSingleItem();
            reminder.To.ShouldBe($"admin@{slug}.test");
            reminder.Link.ToString().ShouldBe($"http://{slug}.localhost:5000/app/billing");
            reminder.Html.ShouldContain($"href=\"http://{slug}.localhost:5000/app/billing\"");
        }
        finally
        {
            fixture.Clock.Set(start);
        }
    }

    [Fact]
    public async Task A_password_reset_asked_for_on_a_request_without_a_port_links_to_the_configured_port()
    {
        var slug = NewSlug("reset");
        var tenantId = await fixture.Given.Tenant(slug);
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), "#forgot-password-form",
            new Dictionary<string, string?> { ["Input.UserNameOrEmail"] = "admin" });

        var link = (await fixture.Web.EmailsAsync(tenantId)).ShouldHaveSingleItem().Link;

        link.GetLeftPart(UriPartial.Path).ShouldBe($"http://{slug}.localhost:5000/account/reset-password");
        var done = await browser.SetPasswordAsync(link.PathAndQuery, "N3w-passw0rd");
        done.Text.ShouldContain(T("Account:PasswordResetDone"));
    }

    [Fact]
    public async Task Sign_up_lands_on_the_company_site_at_the_configured_port_and_mails_a_confirmation_link_there()
    {
        var slug = NewSlug("portco");
        using var browser = fixture.Web.Browser();

        var home = await browser.SubmitAsync(await browser.GetAsync("/signup"), "#signup-form", new Dictionary<string, string?>
        {
            ["Input.CompanyName"] = "Port Co", ["Input.Slug"] = slug, ["Input.DisplayName"] = "Pat",
            ["Input.Email"] = $"pat@{slug}.example.com", ["Input.Password"] = "Secret123", ["Input.Language"] = "en",
        });

        home.StatusCode.ShouldBe(HttpStatusCode.OK, home.Text);
        home.Url.GetLeftPart(UriPartial.Path).ShouldBe($"http://{slug}.localhost:5000/");
        var tenant = (await fixture.Web.Services.GetRequiredService<ITenantStore>().FindBySlugAsync(slug))!;
        var confirmation = (await fixture.Web.EmailsAsync(tenant.Id)).ShouldHaveSingleItem().Link;
        confirmation.GetLeftPart(UriPartial.Path).ShouldBe($"http://{slug}.localhost:5000/account/confirm-email");
        (await browser.GetAsync(confirmation.ToString())).Document.QuerySelector("#email-confirmed").ShouldNotBeNull();
    }
}
