using System.Text;
using ErpSaaS.Identity;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Account;

public sealed class InvitationTests(ProbeWebFixture fixture) : IClassFixture<ProbeWebFixture>
{
    private static string NewSlug() => $"invite-{Guid.NewGuid():N}"[..20];

    /// <summary>Creates a user without a password, marks them invited and returns the invitation link's path.</summary>
    private async Task<string> InviteAsync(Guid tenantId, string slug, string userName)
    {
        var userId = await fixture.InScopeAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser(tenantId, userName, $"{userName}@{slug}.test", "Wang Fang", "en", "Asia/Shanghai", fixture.Clock.GetUtcNow());
            user.MarkInvited(fixture.Clock.GetUtcNow());
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            return user.Id;
        });
        // The link the invitation e-mail carries: a reset token of the web app's own token provider.
        return await fixture.Web.InScopeAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(userId.ToString()))!);
            return $"{AccountLinks.AcceptInvitationPath}?userId={userId}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
        });
    }

    [Fact]
    public async Task An_invited_user_chooses_a_password_and_is_signed_in()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        var link = await InviteAsync(tenantId, slug, "wangfang");
        using var browser = fixture.Web.TenantBrowser(slug);

        var invitation = await browser.GetAsync(link);
        var home = await browser.SetPasswordAsync(link, "Welc0me-aboard");

        invitation.Document.QuerySelector("#invitation-welcome")!.TextContent.ShouldBe(T("Account:InvitationWelcome", "en", "Wang Fang", $"{slug} Ltd.", "wangfang"));
        home.Url.AbsolutePath.ShouldBe("/");
        home.Text.ShouldContain(T("Account:InvitationAccepted"));
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe("Wang Fang");
        var user = await fixture.InScopeAsync(tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("wangfang"))!);
        user.IsInvitationPending.ShouldBeFalse();
        user.EmailConfirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task An_invitation_cannot_be_used_twice()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        var link = await InviteAsync(tenantId, slug, "lina");
        using var first = fixture.Web.TenantBrowser(slug);
        await first.SetPasswordAsync(link, "Welc0me-aboard");
        using var second = fixture.Web.TenantBrowser(slug);

        var page = await second.GetAsync(link);

        page.Document.QuerySelector("#link-invalid")!.TextContent.ShouldBe(T("Account:LinkInvalid"));
        page.Document.QuerySelector("#set-password-form").ShouldBeNull();
    }

    [Fact]
    public async Task A_confirmation_that_does_not_match_is_refused_next_to_the_field()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        var link = await InviteAsync(tenantId, slug, "zhaolei");
        using var browser = fixture.Web.TenantBrowser(slug);

        var page = await browser.SetPasswordAsync(link, "Welc0me-aboard", confirmation: "Something-else1");

        page.Url.AbsolutePath.ShouldBe("/account/accept-invitation");
        page.FieldError("Input.ConfirmPassword").ShouldBe(T("Validation:Compare", "en", T("Account:ConfirmPassword"), T("Account:NewPassword")));
    }

    [Fact]
    public async Task The_invitation_email_in_the_users_language_links_to_the_company_subdomain()
    {
        var slug = NewSlug();
        var tenantId = await fixture.Given.Tenant(slug);
        using var admin = fixture.Web.TenantBrowser(slug);
        await admin.SignInAsync("admin", Given.Password);

        using var response = await admin.Client.PostAsync(new Uri("/api/v1/probe/invite/chenjing", UriKind.Relative), null);
        var email = (await fixture.Web.EmailsAsync(tenantId)).Single();
        using var invitee = fixture.Web.TenantBrowser(slug);
        var home = await invitee.SetPasswordAsync(email.Link.PathAndQuery, "Welc0me-aboard");

        response.EnsureSuccessStatusCode();
        email.To.ShouldBe("chenjing@example.test");
        email.Subject.ShouldBe(T("Email:Invitation:Subject", "zh-Hans", $"{slug} Ltd."));
        email.Text.ShouldContain(T("Email:Invitation:Body", "zh-Hans", $"{slug} Ltd.", "chenjing"));
        email.Link.Host.ShouldBe($"{slug}.localhost");
        email.Link.AbsolutePath.ShouldBe(AccountLinks.AcceptInvitationPath);
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe("chenjing");
    }
}
