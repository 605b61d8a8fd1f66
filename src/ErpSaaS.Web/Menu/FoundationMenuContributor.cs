using ErpSaaS.Permissions;

namespace ErpSaaS.Web.Menu;

/// <summary>Home and the administration pages of both sides: the tenant's users, roles, settings and audit log; the operator's tenants, jobs, mailbox and audit log.</summary>
public sealed class FoundationMenuContributor : IMenuContributor
{
    public const string AdministrationGroup = "Administration";
    public const string PlatformGroup = "Platform";

    public void Contribute(MenuDefinition menu)
    {
        menu.Group(new MenuGroup(AdministrationGroup, "Menu:Group:Administration", "ti ti-settings", 900))
            .Group(new MenuGroup(PlatformGroup, "Menu:Group:Platform", "ti ti-building", 100));

        menu.Item(new MenuItem("Menu:Home", "ti ti-home", "/", MenuSide.Both) { Order = 0 });

        menu.Item(new MenuItem("Menu:Users", "ti ti-users", "/app/identity/users", MenuSide.Tenant)
            { Group = AdministrationGroup, Order = 10, RequiredPermission = ErpPermissions.Identity.Users });
        menu.Item(new MenuItem("Menu:Roles", "ti ti-shield-lock", "/app/identity/roles", MenuSide.Tenant)
            { Group = AdministrationGroup, Order = 20, RequiredPermission = ErpPermissions.Identity.Roles });
        menu.Item(new MenuItem("Menu:Settings", "ti ti-adjustments", "/app/settings", MenuSide.Tenant)
            { Group = AdministrationGroup, Order = 30, RequiredPermission = ErpPermissions.Settings.View });
        menu.Item(new MenuItem("Menu:AuditLog", "ti ti-history", "/app/audit", MenuSide.Tenant)
            { Group = AdministrationGroup, Order = 40, RequiredPermission = ErpPermissions.Auditing.AuditLogs });

        menu.Item(new MenuItem("Menu:Tenants", "ti ti-building-store", "/host/tenants", MenuSide.Host)
            { Group = PlatformGroup, Order = 10, RequiredPermission = ErpPermissions.Host.Tenants });
        menu.Item(new MenuItem("Menu:Jobs", "ti ti-list-check", "/host/jobs", MenuSide.Host)
            { Group = PlatformGroup, Order = 20, RequiredPermission = ErpPermissions.Host.Jobs });
        menu.Item(new MenuItem("Menu:Mailbox", "ti ti-mail", "/host/mailbox", MenuSide.Host)
            { Group = PlatformGroup, Order = 30, RequiredPermission = ErpPermissions.Host.Mailbox });
        menu.Item(new MenuItem("Menu:HostAuditLog", "ti ti-history", "/host/audit", MenuSide.Host)
            { Group = PlatformGroup, Order = 40, RequiredPermission = ErpPermissions.Host.AuditLogs });
    }
}
