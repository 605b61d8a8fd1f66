using System.Net;
using ErpSaaS.Auditing;
using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.DataSeeding;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Billing;

public sealed class ImpersonationTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private const string Reason = "Customer asked for help with a stuck sales order";

    private async Task<(Guid Id, string Slug, Guid Admin)> CompanyAsync()
    {
        var slug = "imp" + Guid.NewGuid().ToString("N")[..6];
        var id = await fixture.Given.Tenant(slug, PlanCodes.Standard);
        var admin = await fixture.InScopeAsync(id, async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.Id);
        return (id, slug, admin);
    }

    private async Task<ErpBrowser> OperatorAsync()
    {
        var browser = fixture.Web.Browser();
        await browser.SignInAsync(HostDataSeeder.OperatorUserName, HostDataSeeder.OperatorPassword);
        return browser;
    }

    private Task<ImpersonationLinkDto> StartAsync(Guid tenantId) =>
        fixture.Given.Operator().ContinueWith(o => fixture.AsUserAsync(null, o.Result, sp =>
            sp.GetRequiredService<IImpersonationAppService>().StartAsync(tenantId, Reason))).Unwrap();

    [Fact]
    public async Task A_company_user_cannot_impersonate_and_is_refused()
    {
        var company = await CompanyAsync();
        using var browser = fixture.Web.TenantBrowser(company.Slug);
        await browser.SignInAsync("admin", Given.Password);

        using var form = new FormUrlEncodedContent([new("Reason", Reason)]);
        using var response = await browser.Client.PostAsync($"/host/tenants/{company.Id}?handler=Impersonate", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Should.ThrowAsync<AuthorizationException>(() => fixture.AsUserAsync(company.Id, company.Admin, sp =>
            sp.GetRequiredService<IImpersonationAppService>().StartAsync(company.Id, Reason)));
    }

    [Fact]
    public async Task An_empty_reason_is_named_next_to_the_field_and_signs_no_one_in()
    {
        var company = await CompanyAsync();
        using var browser = await OperatorAsync();
        var detail = await browser.GetAsync($"/host/tenants/{company.Id}");

        var refused = await browser.SubmitAsync(detail, "#impersonate-form", new Dictionary<string, string?> { ["Reason"] = "  " });

        // The seeded operator reads Chinese.
        refused.FieldError("Reason").ShouldBe(T("Error:Billing:ReasonRequired", "zh-Hans"));
        refused.Url.Host.ShouldBe(ErpWebFactory.Domain);
    }

    [Fact]
    public async Task The_operator_lands_on_the_company_as_its_admin_with_a_banner_and_goes_back()
    {
        var company = await CompanyAsync();
        using var browser = await OperatorAsync();
        var detail = await browser.GetAsync($"/host/tenants/{company.Id}");

        var home = await browser.SubmitAsync(detail, "#impersonate-form", new Dictionary<string, string?> { ["Reason"] = Reason });

        home.Url.Host.ShouldBe($"{company.Slug}.{ErpWebFactory.Domain}");
        home.Document.QuerySelector("#impersonation-banner")!.TextContent.ShouldContain(HostDataSeeder.OperatorUserName);
        var back = await browser.SubmitAsync(home, "#impersonation-back");
        back.Url.ToString().ShouldBe($"http://{ErpWebFactory.Domain}/host/tenants/{company.Id}");
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync($"http://{company.Slug}.{ErpWebFactory.Domain}/app/audit")).Url.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task The_link_signs_in_with_the_operators_claims_and_every_write_names_the_operator()
    {
        var company = await CompanyAsync();
        var operatorId = await fixture.Given.Operator();
        var link = await StartAsync(company.Id);
        using var browser = fixture.Web.TenantBrowser(company.Slug);

        var home = await browser.GetAsync($"/account/impersonate?userId={link.UserId}&code={Uri.EscapeDataString(link.Code)}");
        var profile = await browser.GetAsync("/account/profile");
        await browser.SubmitAsync(profile, "#profile-form", new Dictionary<string, string?> { ["Input.DisplayName"] = "Renamed during support" });

        link.UserId.ShouldBe(company.Admin);
        home.Document.QuerySelector("#impersonation-banner").ShouldNotBeNull();
        var (logs, changes) = await fixture.InScopeAsync(company.Id, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            return (await db.AuditLogs.Where(l => l.Url.StartsWith("/account/profile")).ToListAsync(),
                (await db.EntityChanges.Where(c => c.EntityType == nameof(AppUser) && c.EntityId == company.Admin.ToString()).ToListAsync())
                    .Where(c => c.PropertyChanges.Contains("Renamed during support", StringComparison.Ordinal)).ToList());
        });
        logs.ShouldHaveSingleItem().ImpersonatorUserId.ShouldBe(operatorId);
        logs[0].UserId.ShouldBe(company.Admin);
        changes.ShouldHaveSingleItem().ImpersonatorUserId.ShouldBe(operatorId);
    }

    [Fact]
    public async Task The_reason_is_in_the_companys_audit_trail_for_its_admin_to_see()
    {
        var company = await CompanyAsync();
        var operatorId = await fixture.Given.Operator();
        await StartAsync(company.Id);
        using var browser = fixture.Web.TenantBrowser(company.Slug);
        await browser.SignInAsync("admin", Given.Password);

        var trail = await browser.GetAsync("/app/audit?view=changes&EntityType=Impersonation");
        var change = await browser.GetAsync(trail.Document.QuerySelector("tbody a")!.GetAttribute("href")!);

        trail.Text.ShouldContain(ImpersonationAppService.EntityType);
        change.Text.ShouldContain(Reason);
        change.Text.ShouldContain(HostDataSeeder.OperatorUserName);
        var stored = await fixture.InScopeAsync(company.Id, sp => sp.GetRequiredService<ErpDbContext>().EntityChanges
            .SingleAsync(c => c.EntityType == ImpersonationAppService.EntityType));
        (stored.UserId, stored.ImpersonatorUserId).ShouldBe((operatorId, operatorId));
    }

    [Fact]
    public async Task The_link_works_once_only()
    {
        var company = await CompanyAsync();
        var link = await StartAsync(company.Id);
        var url = $"/account/impersonate?userId={link.UserId}&code={Uri.EscapeDataString(link.Code)}";
        using var first = fixture.Web.TenantBrowser(company.Slug);
        using var second = fixture.Web.TenantBrowser(company.Slug);

        var signedIn = await first.GetAsync(url);
        var again = await second.GetAsync(url);

        signedIn.Url.AbsolutePath.ShouldBe("/");
        again.Document.QuerySelector("#impersonation-invalid").ShouldNotBeNull();
        again.Document.QuerySelector("#impersonation-banner").ShouldBeNull();
    }
}
