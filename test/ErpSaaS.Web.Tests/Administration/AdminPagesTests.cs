using System.Net;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ErpSaaS.Web.Tests.Infrastructure.Texts;

namespace ErpSaaS.Web.Tests.Administration;

public sealed class AdminPagesTests(AdminPagesFactory factory) : IClassFixture<AdminPagesFactory>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _admin;
    private Guid _viewer;

    public async Task InitializeAsync()
    {
        _acme = await factory.Data.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        _admin = await factory.Data.Given.User(_acme, "admin", StaticRoles.Admin);
        _viewer = await factory.Data.Given.User(_acme, "viewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/app/identity/users")]
    [InlineData("/app/identity/users/invite")]
    [InlineData("/app/identity/roles")]
    [InlineData("/app/identity/roles/create")]
    [InlineData("/app/settings")]
    [InlineData("/app/audit")]
    [InlineData("/app/audit?view=changes")]
    public async Task A_tenant_admin_opens_every_administration_page(string url)
    {
        var response = await factory.ClientFor(_acme, _admin).GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/app/identity/users", "Identity:Users")]
    [InlineData("/app/identity/users/invite", "Identity:InviteUser")]
    [InlineData("/app/identity/roles", "Identity:Roles")]
    [InlineData("/app/identity/roles/create", "Identity:CreateRole")]
    [InlineData("/app/settings", "Settings:Title")]
    [InlineData("/app/audit", "Audit:Title")]
    [InlineData("/app/audit?view=changes", "Audit:Title")]
    public async Task Every_administration_page_has_one_title_the_layouts(string url, string titleKey)
    {
        var page = await AdminPagesFactory.HtmlAsync(await factory.ClientFor(_acme, _admin).GetAsync(url));

        page.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([T(titleKey)]);
        page.QuerySelector(".page-body .page-header").ShouldBeNull();
        page.QuerySelectorAll("#breadcrumbs li")[1].TextContent.Trim().ShouldBe(T("Menu:Group:Administration"));
    }

    [Fact]
    public async Task List_pages_put_their_export_and_create_buttons_beside_the_title()
    {
        var client = factory.ClientFor(_acme, _admin);

        var users = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/identity/users"));
        var roles = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/identity/roles"));
        var audit = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/audit"));

        users.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        users.QuerySelector(".page-header a[href='/app/identity/users/invite']")!.TextContent.ShouldBe(T("Identity:InviteUser"));
        roles.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
        roles.QuerySelector(".page-header a[href='/app/identity/roles/create']")!.TextContent.ShouldBe(T("Identity:CreateRole"));
        audit.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_users_pages_name_the_user_in_the_title_and_lead_back_through_the_breadcrumbs()
    {
        var client = factory.ClientFor(_acme, _admin);

        var edit = await AdminPagesFactory.HtmlAsync(await client.GetAsync($"/app/identity/users/{_viewer}"));
        var permissions = await AdminPagesFactory.HtmlAsync(await client.GetAsync($"/app/identity/users/{_viewer}/permissions"));

        edit.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe(["viewer"]);
        edit.QuerySelector($".page-header a[href='/app/identity/users/{_viewer}/permissions']").ShouldNotBeNull();
        permissions.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldBe([$"{T("Identity:ExtraPermissions")}: viewer"]);
        permissions.QuerySelectorAll("#breadcrumbs li").Select(li => li.TextContent.Trim())
            .ShouldBe([T("Menu:Home"), T("Menu:Group:Administration"), T("Menu:Users"), "viewer", T("Identity:ExtraPermissions")]);
        permissions.QuerySelector($"#breadcrumbs a[href='/app/identity/users/{_viewer}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_operators_tenant_detail_is_titled_with_the_tenant_and_has_one_title()
    {
        var operatorId = await factory.Data.Given.Operator();
        var client = factory.ClientFor(null, operatorId);

        var detail = await AdminPagesFactory.HtmlAsync(await client.GetAsync($"/host/tenants/{_acme}"));
        var tenants = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/host/tenants"));

        var name = detail.QuerySelectorAll(".page-title").Select(h => h.TextContent.Trim()).ShouldHaveSingleItem();
        name.ShouldEndWith(" Ltd.");
        detail.QuerySelector("#breadcrumbs a[href='/host/tenants']").ShouldNotBeNull();
        tenants.QuerySelectorAll(".page-title").Length.ShouldBe(1);
        tenants.QuerySelector(".page-header a[href*='handler=Export']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/app/identity/users")]
    [InlineData("/app/identity/roles")]
    [InlineData("/app/settings")]
    [InlineData("/app/audit")]
    [InlineData("/host/tenants")]
    public async Task A_viewer_is_forbidden_the_administration_pages(string url)
    {
        var response = await factory.ClientFor(_acme, _viewer).GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_user_list_sorts_and_exports_the_current_filter_as_csv()
    {
        await factory.Data.Given.User(_acme, "zoe-export");
        var client = factory.ClientFor(_acme, _admin);

        var page = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/app/identity/users?Sort=userName&Desc=true"));
        var csv = await client.GetAsync("/app/identity/users?handler=Export&Search=zoe");
        var text = await csv.Content.ReadAsStringAsync();

        page.QuerySelectorAll("tbody tr td:first-child a")[0].TextContent.ShouldBe("zoe-export");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("users-");
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0].TrimStart('\uFEFF'))
            .ShouldBe(["User name", "zoe-export"]);
    }

    [Fact]
    public async Task An_invitation_with_a_taken_e_mail_shows_the_error_next_to_the_field_and_keeps_the_input()
    {
        var client = factory.ClientFor(_acme, _admin);

        var response = await AdminPagesFactory.PostFormAsync(client, "/app/identity/users/invite", "/app/identity/users/invite",
            ("Input.Email", "viewer@example.test"), ("Input.DisplayName", "Vera Typed"), ("Input.Roles", StaticRoles.Accountant));
        var html = await AdminPagesFactory.HtmlAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        html.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value").ShouldBe("Vera Typed");
        html.QuerySelector($"input[name='Input.Roles'][value='{StaticRoles.Accountant}']")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task A_successful_invitation_redirects_to_the_new_user()
    {
        var client = factory.ClientFor(_acme, _admin);

        var response = await AdminPagesFactory.PostFormAsync(client, "/app/identity/users/invite", "/app/identity/users/invite",
            ("Input.Email", "new.hire@acme.test"), ("Input.DisplayName", "New Hire"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/app/identity/users/");
    }

    [Fact]
    public async Task A_number_pattern_without_a_counter_is_shown_on_its_field_and_the_form_keeps_what_was_typed()
    {
        var client = factory.ClientFor(_acme, _admin);

        var response = await AdminPagesFactory.PostFormAsync(client, "/app/settings", "/app/settings",
            ("Input.CompanyName", "Acme Typed"), ("Input.BaseCurrency", "CNY"), ("Input.TimeZone", "Asia/Shanghai"),
            ("Input.DefaultLanguage", "en"), ("Input.NumberPatterns[PurchaseOrder]", "PO-{yyyy}"));
        var html = await AdminPagesFactory.HtmlAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pattern = html.QuerySelector("#pattern-PurchaseOrder")!;
        pattern.GetAttribute("value").ShouldBe("PO-{yyyy}");
        pattern.ClassList.ShouldContain("is-invalid");
        html.QuerySelector("input[name='Input.CompanyName']")!.GetAttribute("value").ShouldBe("Acme Typed");
    }

    [Fact]
    public async Task A_write_request_leaves_an_audit_row_that_its_entity_changes_point_to()
    {
        var client = factory.ClientFor(_acme, _admin);

        var response = await AdminPagesFactory.PostFormAsync(client, "/app/identity/roles/create", "/app/identity/roles/create",
            ("Input.Name", "Auditors"), ("Input.Description", "Read the books"));
        var (log, changes) = await factory.Data.InScopeAsync(_acme, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var row = await db.AuditLogs.SingleAsync(l => l.Url == "/app/identity/roles/create");
            return (row, await db.EntityChanges.Where(c => c.AuditLogId == row.Id).Select(c => c.EntityType).ToListAsync());
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (log.HttpMethod, log.StatusCode, log.UserId, log.TenantId, log.Error).ShouldBe(("POST", 302, _admin, _acme, null));
        changes.ShouldContain("AppRole");
    }

    [Fact]
    public async Task A_refused_write_is_audited_too_and_reads_are_not()
    {
        var client = factory.ClientFor(_acme, _admin);
        await client.GetAsync("/app/identity/roles");

        var response = await AdminPagesFactory.PostFormAsync(client, "/app/identity/roles/create", "/app/identity/roles/create", ("Input.Name", StaticRoles.Admin));
        var logs = await factory.Data.InScopeAsync(_acme, sp => sp.GetRequiredService<ErpDbContext>().AuditLogs.ToListAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        logs.ShouldNotContain(l => l.HttpMethod == "GET");
        logs.ShouldContain(l => l.Url == "/app/identity/roles/create" && l.StatusCode == 200);
    }

    [Fact]
    public async Task The_permission_matrix_shows_grouped_checkboxes_with_parents_and_saves_them()
    {
        var client = factory.ClientFor(_acme, _admin);
        var created = await AdminPagesFactory.PostFormAsync(client, "/app/identity/roles/create", "/app/identity/roles/create", ("Input.Name", "Clerks"));
        var matrixUrl = created.Headers.Location!.OriginalString;

        var saved = await AdminPagesFactory.PostFormAsync(client, matrixUrl, matrixUrl,
            ("Granted", ErpPermissions.Identity.Users), ("Granted", ErpPermissions.Identity.UsersManage));
        var html = await AdminPagesFactory.HtmlAsync(await client.GetAsync(matrixUrl));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.QuerySelectorAll("fieldset legend").Select(l => l.TextContent).ShouldContain("Users and roles");
        var manage = html.QuerySelector($"input[value='{ErpPermissions.Identity.UsersManage}']")!;
        manage.GetAttribute("data-parent").ShouldBe(ErpPermissions.Identity.Users);
        manage.HasAttribute("checked").ShouldBeTrue();
        html.QuerySelector($"input[value='{ErpPermissions.Identity.Roles}']")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task Another_tenants_user_is_not_found_by_id()
    {
        var globex = await factory.Data.Given.Tenant("globex-" + Guid.NewGuid().ToString("N")[..6]);
        var stranger = await factory.Data.Given.User(globex, "stranger");

        var response = await factory.ClientFor(_acme, _admin).GetAsync($"/app/identity/users/{stranger}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_operator_lists_tenants_sees_one_in_detail_and_reads_every_tenants_audit()
    {
        var operatorId = await factory.Data.Given.Operator();
        var client = factory.ClientFor(null, operatorId);

        var list = await AdminPagesFactory.HtmlAsync(await client.GetAsync("/host/tenants?Sort=createdAt&Desc=true"));
        var detail = await client.GetAsync($"/host/tenants/{_acme}");
        var audit = await client.GetAsync("/host/audit?view=changes");
        var csv = await client.GetAsync("/host/tenants?handler=Export");

        list.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ShouldContain($"/host/tenants/{_acme}");
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        audit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("acme-");
        (await factory.ClientFor(_acme, _admin).GetAsync("/host/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_operator_suspends_a_tenant_from_its_detail_page()
    {
        var operatorId = await factory.Data.Given.Operator();
        var client = factory.ClientFor(null, operatorId);

        var response = await AdminPagesFactory.PostFormAsync(client, $"/host/tenants/{_acme}", $"/host/tenants/{_acme}?handler=Suspend");
        var html = await AdminPagesFactory.HtmlAsync(await client.GetAsync($"/host/tenants/{_acme}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.QuerySelector("form[action*='handler=Unsuspend']").ShouldNotBeNull();
    }
}
