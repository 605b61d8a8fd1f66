using System.Net;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Identity;
using ErpSaaS.Signup;
using ErpSaaS.Tenancy;
using ErpSaaS.TestBase;
using ErpSaaS.Web.Signup;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Tenancy;

/// <summary>
/// The account links of a company whose data lives in a database of its own (the operator moved it there): the links
/// read and write the company's rows in that database, whichever host the request came to.
/// </summary>
public sealed class OwnDatabaseAccountTests(ErpWebFixture fixture) : IClassFixture<ErpWebFixture>, IAsyncLifetime
{
    private readonly string _ownDatabase = OwnDatabases.NewName();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropAsync(_ownDatabase);

    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task MoveAsync(Guid tenantId)
    {
        await fixture.MoveTenantAsync(tenantId, _ownDatabase);
        fixture.Web.ForgetTenant(tenantId);
    }

    private async Task<Guid> CompanyInOwnDatabaseAsync(string slug)
    {
        var tenantId = await fixture.Given.Tenant(slug);
        await MoveAsync(tenantId);
        return tenantId;
    }

    /// <summary>A user of the company as the web app reads it, from the company's database (checked).</summary>
    private Task<AppUser?> UserAsync(Guid tenantId, string userName) =>
        fixture.Web.InScopeAsync(tenantId, async sp =>
        {
            new NpgsqlConnectionStringBuilder(sp.GetRequiredService<ErpDbContext>().Database.GetConnectionString()).Database.ShouldBe(_ownDatabase);
            return await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        });

    /// <summary>How many users of the company the shared database still holds.</summary>
    private async Task<long> UsersInSharedDatabaseAsync(Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('erp.bypass_tenant', 'on', false); SELECT count(*) FROM users WHERE tenant_id = '{tenantId}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task<ErpPage> AskForResetLinkAsync(ErpBrowser browser, string userNameOrEmail, string? company = null)
    {
        var fields = new Dictionary<string, string?> { ["Input.UserNameOrEmail"] = userNameOrEmail };
        if (company is not null) fields["Input.Company"] = company;
        return await browser.SubmitAsync(await browser.GetAsync("/account/forgot-password"), "#forgot-password-form", fields);
    }

    [Fact]
    public async Task The_welcome_and_confirmation_links_of_a_sign_up_work_after_the_company_moved_to_its_own_database()
    {
        // Sign-up creates the company in the shared database; the operator moves it before the admin opens the mails.
        var slug = NewSlug("moved");
        var signup = await fixture.Web.InScopeAsync(null, sp => sp.GetRequiredService<ISignupAppService>().SignUpAsync(new SignupInput
        {
            CompanyName = "Moved Co", Slug = slug, DisplayName = "Mia", Email = $"mia@{slug}.example.com",
            Password = "Secret123", Language = "en", LoadSampleData = true,
        }));
        var confirmation = (await fixture.Web.EmailsAsync(signup.TenantId)).ShouldHaveSingleItem().Link;
        await MoveAsync(signup.TenantId);
        using var browser = fixture.Web.TenantBrowser(slug);

        var home = await browser.GetAsync($"{WelcomeLinks.Path}?userId={signup.AdminUserId}&code={Uri.EscapeDataString(signup.WelcomeCode)}");
        var confirmed = await browser.GetAsync(confirmation.PathAndQuery);

        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe("Mia");
        confirmed.Document.QuerySelector("#email-confirmed")!.TextContent.ShouldBe(T("Signup:EmailConfirmed"));
        var admin = (await UserAsync(signup.TenantId, $"mia@{slug}.example.com"))!;
        admin.EmailConfirmed.ShouldBeTrue();
        admin.LastSignInAt.ShouldNotBeNull();
        (await UsersInSharedDatabaseAsync(signup.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_password_reset_asked_for_on_the_subdomain_is_queued_in_the_companys_database_and_its_link_sets_the_password()
    {
        var slug = NewSlug("ownreset");
        var tenantId = await CompanyInOwnDatabaseAsync(slug);
        using var browser = fixture.Web.TenantBrowser(slug);

        await AskForResetLinkAsync(browser, "admin");
        var mail = (await fixture.Web.EmailsAsync(tenantId)).ShouldHaveSingleItem();
        var done = await browser.SetPasswordAsync(mail.Link.PathAndQuery, "N3w-passw0rd");

        mail.To.ShouldBe($"admin@{slug}.test");
        done.Text.ShouldContain(T("Account:PasswordResetDone"));
        (await browser.SignInAsync("admin", "N3w-passw0rd")).Url.AbsolutePath.ShouldBe("/");
        (await UsersInSharedDatabaseAsync(tenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task On_the_main_domain_a_company_in_its_own_database_gets_its_reset_link_and_signs_in_with_the_new_password()
    {
        var slug = NewSlug("ownmain");
        var tenantId = await CompanyInOwnDatabaseAsync(slug);
        using var main = fixture.Web.Browser();

        var sent = await AskForResetLinkAsync(main, $"admin@{slug}.test", company: slug);
        var link = (await fixture.Web.EmailsAsync(tenantId)).ShouldHaveSingleItem().Link;
        using var browser = fixture.Web.TenantBrowser(slug);
        await browser.SetPasswordAsync(link.PathAndQuery, "N3w-passw0rd");
        var home = await main.SignInAsync("admin", "N3w-passw0rd", company: slug);

        sent.Document.QuerySelector("#reset-link-sent").ShouldNotBeNull();
        link.Host.ShouldBe($"{slug}.localhost");
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#tenant-name")!.TextContent.ShouldBe($"{slug} Ltd.");
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe($"{slug} admin");
    }

    [Fact]
    public async Task A_user_invited_in_a_company_with_its_own_database_accepts_the_invitation_there()
    {
        var slug = NewSlug("owninvite");
        var tenantId = await CompanyInOwnDatabaseAsync(slug);
        using var admin = fixture.Web.TenantBrowser(slug);
        await admin.SignInAsync("admin", Given.Password);

        var invited = await admin.SubmitAsync(await admin.GetAsync("/app/identity/users/invite"), "form.card", new Dictionary<string, string?>
        {
            ["Input.Email"] = $"ivy@{slug}.test", ["Input.DisplayName"] = "Ivy",
        });
        var mail = (await fixture.Web.EmailsAsync(tenantId)).ShouldHaveSingleItem();
        using var invitee = fixture.Web.TenantBrowser(slug);
        var home = await invitee.SetPasswordAsync(mail.Link.PathAndQuery, "Welc0me-aboard");

        invited.StatusCode.ShouldBe(HttpStatusCode.OK, invited.Text);
        mail.To.ShouldBe($"ivy@{slug}.test");
        home.Url.AbsolutePath.ShouldBe("/");
        home.Document.QuerySelector("#user-display-name")!.TextContent.ShouldBe("Ivy");
        var user = (await UserAsync(tenantId, $"ivy@{slug}.test"))!;
        user.IsInvitationPending.ShouldBeFalse();
        user.EmailConfirmed.ShouldBeTrue();
        (await UsersInSharedDatabaseAsync(tenantId)).ShouldBe(0);
    }
}
