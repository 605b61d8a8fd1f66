using ErpSaaS.Features;

namespace ErpSaaS.Permissions;

public enum PermissionSide
{
    Tenant = 0,
    Host = 1,
}

/// <summary>A permission as defined in code; grants are data. A child is only effective with its parent.</summary>
public sealed record PermissionDefinition(string Name, string Group, PermissionSide Side, string? Parent = null, string? RequiredFeature = null)
{
    public string DisplayKey => $"Permission:{Name}";
    public string PolicyName => ErpPermissions.PolicyPrefix + Name;
}

/// <summary>Every permission of the product. Modules add theirs here as they are built.</summary>
public static class ErpPermissions
{
    public const string PolicyPrefix = "Permission:";

    /// <summary>Joins permissions any one of which suffices ("Purchasing|Receiving"), wherever a permission name is asked for.</summary>
    public const char AnyOfSeparator = '|';

    public static class Identity
    {
        public const string Group = "Identity";
        public const string Users = "Identity.Users";
        public const string UsersManage = "Identity.Users.Manage";
        public const string Roles = "Identity.Roles";
        public const string RolesManage = "Identity.Roles.Manage";
    }

    public static class Settings
    {
        public const string Group = "Settings";
        public const string View = "Settings";
        public const string Manage = "Settings.Manage";
    }

    public static class Auditing
    {
        public const string Group = "Auditing";
        public const string AuditLogs = "Auditing.AuditLogs";
    }

    public static class Billing
    {
        public const string Group = "Billing";
        public const string Manage = "Billing.Manage";
    }

    public static class Host
    {
        public const string Group = "Host";
        public const string Tenants = "Host.Tenants";
        public const string TenantsManage = "Host.Tenants.Manage";
        public const string Jobs = "Host.Jobs";
        public const string Mailbox = "Host.Mailbox";
        public const string AuditLogs = "Host.AuditLogs";
        public const string Billing = "Host.Billing";
    }

    // Module switches other issues fill with their own permissions; the feature gate is already in place.
    public static class Trading
    {
        public const string Group = "Trading";
        public const string Catalog = "Catalog";
        public const string Inventory = "Inventory";
        public const string Purchasing = "Purchasing";
        public const string Sales = "Sales";

        /// <summary>Receiving goods against approved purchase orders, without buying: what a warehouse keeper does.</summary>
        public const string Receiving = "Receiving";

        /// <summary>Goods receipts: the purchaser's own, and the warehouse's by <see cref="Receiving"/>.</summary>
        public const string PurchasingOrReceiving = Purchasing + "|" + Receiving;
    }

    public static class Approvals
    {
        public const string Group = "Approvals";
        public const string FlowsManage = "Approvals.Flows.Manage";
    }

    public static class Analytics
    {
        public const string Group = "Analytics";
        public const string ExceptionsView = "Analytics.Exceptions.View";
    }

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(Identity.Users, Identity.Group, PermissionSide.Tenant),
        new(Identity.UsersManage, Identity.Group, PermissionSide.Tenant, Identity.Users),
        new(Identity.Roles, Identity.Group, PermissionSide.Tenant),
        new(Identity.RolesManage, Identity.Group, PermissionSide.Tenant, Identity.Roles),
        new(Settings.View, Settings.Group, PermissionSide.Tenant),
        new(Settings.Manage, Settings.Group, PermissionSide.Tenant, Settings.View),
        new(Auditing.AuditLogs, Auditing.Group, PermissionSide.Tenant),
        new(Billing.Manage, Billing.Group, PermissionSide.Tenant),
        new(Trading.Catalog, Trading.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Trading.Inventory, Trading.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Trading.Purchasing, Trading.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Trading.Sales, Trading.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Trading.Receiving, Trading.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Approvals.FlowsManage, Approvals.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.ApprovalFlows),
        new(Analytics.ExceptionsView, Analytics.Group, PermissionSide.Tenant, RequiredFeature: ErpFeatures.Trading),
        new(Host.Tenants, Host.Group, PermissionSide.Host),
        new(Host.TenantsManage, Host.Group, PermissionSide.Host, Host.Tenants),
        new(Host.Jobs, Host.Group, PermissionSide.Host),
        new(Host.Mailbox, Host.Group, PermissionSide.Host),
        new(Host.AuditLogs, Host.Group, PermissionSide.Host),
        new(Host.Billing, Host.Group, PermissionSide.Host),
    ];

    private static readonly Dictionary<string, PermissionDefinition> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static PermissionDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The permissions a name stands for: itself, or each of "A|B".</summary>
    public static string[] Alternatives(string name) => name.Split(AnyOfSeparator);

    public static IEnumerable<PermissionDefinition> For(PermissionSide side) => All.Where(p => p.Side == side);
}

/// <summary>The roles every tenant starts with, and what each may do.</summary>
public static class StaticRoles
{
    public const string Admin = "Admin";
    public const string Purchaser = "Purchaser";
    public const string Salesperson = "Salesperson";
    public const string WarehouseKeeper = "WarehouseKeeper";
    public const string Planner = "Planner";
    public const string Accountant = "Accountant";
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TenantRoleGrants = new Dictionary<string, IReadOnlyList<string>>
    {
        [Admin] = ErpPermissions.For(PermissionSide.Tenant).Select(p => p.Name).ToList(),
        [Purchaser] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Trading.Purchasing, ErpPermissions.Analytics.ExceptionsView],
        [Salesperson] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Trading.Sales, ErpPermissions.Analytics.ExceptionsView],
        [WarehouseKeeper] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Trading.Receiving],
        [Planner] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory, ErpPermissions.Trading.Purchasing],
        [Accountant] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Purchasing, ErpPermissions.Trading.Sales, ErpPermissions.Auditing.AuditLogs, ErpPermissions.Analytics.ExceptionsView],
        [Viewer] = [ErpPermissions.Trading.Catalog, ErpPermissions.Trading.Inventory],
    };

    public static readonly IReadOnlyList<string> HostRoleGrants = ErpPermissions.For(PermissionSide.Host).Select(p => p.Name).ToList();
}
