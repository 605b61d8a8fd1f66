using System.Net;
using ErpSaaS.Common;
using ErpSaaS.Features;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Signup;

/// <summary>What follows a sign-up on the company's side: confirming the e-mail address, and a suspended company's door.</summary>
public sealed class SignupAccountTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>
{
    private async Task<SignupResult> SignUpAsync(string slug) =>
        await fixture.Web.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(new SignupInput
        {
            CompanyName = $"{slug} Co", Slug = slug, DisplayName = "Carla", Email = $"carla@{slug}.example.com",
            Password = "Secret123", Language = "en", LoadSampleData = false,
        }));

    [Fact]
    public async Task The_link_of_the_queued_confirmation_mail_confirms_the_admins_address()
    {
        var result = await SignUpAsync("confirm-co");
        var mail = (await fixture.Web.EmailsAsync(result.TenantId)).Single(m => m.To == "carla@confirm-co.example.com");
        mail.Link.Host.ShouldBe("confirm-co.localhost");
        mail.Link.AbsolutePath.ShouldBe("/account/confirm-email");
        using var browser = fixture.Web.TenantBrowser("confirm-co");

        var page = await browser.GetAsync(mail.Link.PathAndQuery);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#email-confirmed")!.TextContent.ShouldBe(T("Signup:EmailConfirmed"));
        var confirmed = await fixture.Web.InScopeAsync(result.TenantId, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>().FindByIdAsync(result.AdminUserId.ToString()))!.EmailConfirmed);
        confirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_mangled_confirmation_code_shows_the_invalid_link_message_and_confirms_nothing()
    {
        var result = await SignUpAsync("mangled-co");
        var link = (await fixture.Web.EmailsAsync(result.TenantId)).Single(m => m.To == "carla@mangled-co.example.com").Link;
        var mangled = link.PathAndQuery.Replace("code=", "code=x", StringComparison.Ordinal);
        using var browser = fixture.Web.TenantBrowser("mangled-co");

        var page = await browser.GetAsync(mangled);

        page.Document.QuerySelector("#email-confirmed").ShouldBeNull();
        page.Document.QuerySelector("#email-confirm-invalid")!.TextContent.ShouldBe(T("Signup:EmailConfirmInvalid"));
        var confirmed = await fixture.Web.InScopeAsync(result.TenantId, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ErpSaaS.Identity.AppUser>>().FindByIdAsync(result.AdminUserId.ToString()))!.EmailConfirmed);
        confirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_admin_of_a_suspended_company_is_refused_at_sign_in_with_the_suspended_message()
    {
        var tenantId = await fixture.Given.Tenant("suspended-co", PlanCodes.Starter);
        await fixture.Web.InScopeAsync(null, sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(async ct =>
        {
            (await sp.GetRequiredService<ITenantRepository>().FindAsync(tenantId, ct))!.ChangeStatus(TenantStatus.Suspended);
            return true;
        }));
        fixture.Web.ForgetTenant(tenantId);
        using var browser = fixture.Web.TenantBrowser("suspended-co");

        var page = await browser.SignInAsync("admin", Given.Password);

        page.Document.QuerySelector(ErpBrowser.LoginFormSelector).ShouldNotBeNull();
        page.Alerts.ShouldContain(T("Account:TenantSuspended"));
        page.Document.QuerySelector("#sign-out-form").ShouldBeNull();
    }
}
