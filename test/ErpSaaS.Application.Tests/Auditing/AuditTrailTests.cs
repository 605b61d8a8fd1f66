using ErpSaaS.Auditing;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Permissions;
using ErpSaaS.Settings;
using ErpSaaS.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Auditing;

public sealed class AuditTrailTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private Guid _acme;
    private Guid _acmeAdmin;
    private Guid _globex;
    private string _globexSlug = null!;
    private Guid _globexAdmin;
    private Guid _operator;

    public async Task InitializeAsync()
    {
        _acme = await fixture.Given.Tenant("acme-" + Guid.NewGuid().ToString("N")[..6]);
        _acmeAdmin = await fixture.Given.User(_acme, "admin", StaticRoles.Admin);
        _globexSlug = "globex-" + Guid.NewGuid().ToString("N")[..6];
        _globex = await fixture.Given.Tenant(_globexSlug);
        _globexAdmin = await fixture.Given.User(_globex, "admin", StaticRoles.Admin);
        _operator = await fixture.Given.Operator();
        await ChangePhoneAsync(_acme, _acmeAdmin, "021-1111");
        await ChangePhoneAsync(_globex, _globexAdmin, "010-2222");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task ChangePhoneAsync(Guid tenant, Guid user, string phone) => fixture.AsUserAsync(tenant, user, async sp =>
    {
        var audit = sp.GetRequiredService<AuditContext>();
        audit.UserId = user;
        var settings = sp.GetRequiredService<ISettingsAppService>();
        var current = await settings.GetAsync();
        current.Phone = phone;
        await settings.UpdateAsync(current);
    });

    private Task<T> Audit<T>(Guid? tenant, Guid user, Func<IAuditLogAppService, Task<T>> work) =>
        fixture.AsUserAsync(tenant, user, sp => work(sp.GetRequiredService<IAuditLogAppService>()));

    [Fact]
    public async Task A_saved_change_is_recorded_with_each_propertys_old_and_new_value_and_who_made_it()
    {
        await ChangePhoneAsync(_acme, _acmeAdmin, "021-3333");

        var changes = await Audit(_acme, _acmeAdmin, a => a.GetEntityChangesAsync(AuditScope.CurrentTenant,
            new EntityChangeQuery { EntityType = nameof(TenantSetting), User = "admin" }));
        var latest = await Audit(_acme, _acmeAdmin, a => a.GetEntityChangeAsync(AuditScope.CurrentTenant, changes.Items[0].Id));

        latest.Change.ChangeType.ShouldBe(nameof(EntityChangeType.Updated));
        latest.Change.UserName.ShouldBe("admin");
        latest.Properties.ShouldBe([new PropertyChangeDto(nameof(TenantSetting.Value), "021-1111", "021-3333")]);
    }

    [Fact]
    public async Task A_tenant_admin_sees_only_their_own_tenants_trail()
    {
        var changes = await Audit(_acme, _acmeAdmin, a => a.GetEntityChangesAsync(AuditScope.CurrentTenant, new EntityChangeQuery { PageSize = 200 }));

        changes.TotalCount.ShouldBeGreaterThan(0);
        changes.Items.ShouldAllBe(c => c.TenantId == _acme);
        var globexChange = (await Audit(_globex, _globexAdmin, a => a.GetEntityChangesAsync(AuditScope.CurrentTenant, new EntityChangeQuery()))).Items[0];
        await Should.ThrowAsync<EntityNotFoundException>(() => Audit(_acme, _acmeAdmin, a => a.GetEntityChangeAsync(AuditScope.CurrentTenant, globexChange.Id)));
    }

    [Fact]
    public async Task A_tenant_admin_cannot_ask_for_every_tenants_trail()
    {
        var denied = await Should.ThrowAsync<AuthorizationException>(() =>
            Audit(_acme, _acmeAdmin, a => a.GetEntityChangesAsync(AuditScope.AllTenants, new EntityChangeQuery())));

        denied.Permission.ShouldBe(ErpPermissions.Host.AuditLogs);
    }

    [Fact]
    public async Task The_host_sees_every_tenant_only_when_it_asks_explicitly()
    {
        var all = await Audit(null, _operator, a => a.GetEntityChangesAsync(AuditScope.AllTenants, new EntityChangeQuery { EntityType = nameof(TenantSetting), PageSize = 200 }));
        var implicitly = await fixture.InScopeAsync(null, sp => sp.GetRequiredService<IAuditLogQueries>()
            .GetEntityChangesAsync(new EntityChangeQuery { EntityType = nameof(TenantSetting) }, allTenants: false));
        var onlyGlobex = await Audit(null, _operator, a => a.GetEntityChangesAsync(AuditScope.AllTenants,
            new EntityChangeQuery { EntityType = nameof(TenantSetting), TenantId = _globex, PageSize = 200 }));

        all.Items.Select(c => c.TenantId).ShouldContain(_acme);
        all.Items.Select(c => c.TenantId).ShouldContain(_globex);
        all.Items.Where(c => c.TenantId == _globex).ShouldAllBe(c => c.TenantName == _globexSlug + " Ltd.");
        implicitly.TotalCount.ShouldBe(0);
        onlyGlobex.Items.ShouldAllBe(c => c.TenantId == _globex);
        await Should.ThrowAsync<AuthorizationException>(() => Audit(null, _operator, a => a.GetAuditLogsAsync(AuditScope.CurrentTenant, new AuditLogQuery())));
    }

    [Fact]
    public async Task Request_logs_filter_by_user_method_outcome_and_date()
    {
        var at = fixture.Clock.GetUtcNow();
        await fixture.InScopeAsync(_acme, async sp =>
        {
            var db = sp.GetRequiredService<ErpDbContext>();
            var ok = new AuditLog(_acmeAdmin, "admin", null, "10.0.0.1", "POST", "/app/settings", at);
            ok.Complete(200, 12, null);
            var failed = new AuditLog(_acmeAdmin, "admin", null, "10.0.0.1", "DELETE", "/app/identity/roles/1", at.AddDays(-3));
            failed.Complete(500, 40, "InvalidOperationException: boom");
            db.AuditLogs.AddRange(ok, failed);
            await db.SaveChangesAsync();
        });

        var failures = await Audit(_acme, _acmeAdmin, a => a.GetAuditLogsAsync(AuditScope.CurrentTenant, new AuditLogQuery { Outcome = AuditOutcomeFilter.Failed }));
        var posts = await Audit(_acme, _acmeAdmin, a => a.GetAuditLogsAsync(AuditScope.CurrentTenant, new AuditLogQuery { HttpMethod = "post", User = "ADM" }));
        var recent = await Audit(_acme, _acmeAdmin, a => a.GetAuditLogsAsync(AuditScope.CurrentTenant, new AuditLogQuery { From = at.AddDays(-1), To = at.AddDays(1) }));
        var globexView = await Audit(_globex, _globexAdmin, a => a.GetAuditLogsAsync(AuditScope.CurrentTenant, new AuditLogQuery()));

        failures.Items.Select(l => l.HttpMethod).ShouldBe(["DELETE"]);
        posts.Items.Select(l => l.Url).ShouldBe(["/app/settings"]);
        recent.Items.Select(l => l.HttpMethod).ShouldBe(["POST"]);
        globexView.TotalCount.ShouldBe(0);
    }
}
