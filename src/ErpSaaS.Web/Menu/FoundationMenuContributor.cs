using ErpSaaS.Permissions;

namespace ErpSaaS.Web.Menu;

/// <summary>Home and the administration pages of both sides: the tenant's users, roles, settings and audit log; the operator's tenants, jobs, mailbox and audit log.</summary>
public sealed class FoundationMenuContributor : IMenuContributor
{
    public const string AdministrationGroup = "Administration";
    public const string PlatformGroup = "Platform";

    private static readonly (string TextKey, string Icon, string Url, string Permission)[] TenantAdministration =
    [
        ("Menu:Users", "ti ti-users", "/app/identity/users", ErpPermissions.Identity.Users),
        ("Menu:Roles", "ti ti-shield-lock", "/app/identity/roles", ErpPermissions.Identity.Roles),
        ("Menu:Settings", "ti ti-adjustments", "/app/settings", ErpPermissions.Settings.View),
        ("Menu:AuditLog", "ti ti-history", "/app/audit", ErpPermissions.Auditing.AuditLogs),
    ];

    private static readonly (string TextKey, string Icon, string Url, string Permission)[] HostPlatform =
    [
        ("Menu:Tenants", "ti ti-building-store", "/host/tenants", ErpPermissions.Host.Tenants),
        ("Menu:Jobs", "ti ti-list-check", "/host/jobs", ErpPermissions.Host.Jobs),
        ("Menu:Mailbox", "ti ti-mail", "/host/mailbox", ErpPermissions.Host.Mailbox),
        ("Menu:HostAuditLog", "ti ti-history", "/host/audit", ErpPermissions.Host.AuditLogs),
    ];

    public void Contribute(MenuDefinition menu)
    {
        menu.Group(new MenuGroup(AdministrationGroup, "Menu:Group:Administration", "ti ti-settings", 900))
            .Group(new MenuGroup(PlatformGroup, "Menu:Group:Platform", "ti ti-building", 100))
            .Item(new MenuItem("Menu:Home", "ti ti-home", "/", MenuSide.Both) { Order = 0 });
        AddGroup(menu, AdministrationGroup, MenuSide.Tenant, TenantAdministration);
        AddGroup(menu, PlatformGroup, MenuSide.Host, HostPlatform);
    }

    private static void AddGroup(MenuDefinition menu, string group, MenuSide side, (string TextKey, string Icon, string Url, string Permission)[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            menu.Item(new MenuItem(items[i].TextKey, items[i].Icon, items[i].Url, side)
                { Group = group, Order = (i + 1) * 10, RequiredPermission = items[i].Permission });
        }
    }
}
