using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Billing;

/// <summary>The company's billing page; the operator's payments, plans and billing figures.</summary>
public sealed class BillingMenuContributor : IMenuContributor
{
    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(FoundationMenuContributor.AdministrationGroup, "Menu:Group:Administration", "ti ti-settings", 900))
            .Group(new MenuGroup(FoundationMenuContributor.PlatformGroup, "Menu:Group:Platform", "ti ti-building", 100))
            .Item(new MenuItem("Menu:Billing", "ti ti-credit-card", "/app/billing", MenuSide.Tenant)
                { Group = FoundationMenuContributor.AdministrationGroup, Order = 50, RequiredPermission = ErpPermissions.Billing.Manage })
            .Item(new MenuItem("Menu:Payments", "ti ti-cash", "/host/billing/payments", MenuSide.Host)
                { Group = FoundationMenuContributor.PlatformGroup, Order = 15, RequiredPermission = ErpPermissions.Host.Billing })
            .Item(new MenuItem("Menu:Plans", "ti ti-stack-2", "/host/plans", MenuSide.Host)
                { Group = FoundationMenuContributor.PlatformGroup, Order = 16, RequiredPermission = ErpPermissions.Host.Billing })
            .Item(new MenuItem("Menu:BillingFigures", "ti ti-chart-bar", "/host/billing", MenuSide.Host)
                { Group = FoundationMenuContributor.PlatformGroup, Order = 14, RequiredPermission = ErpPermissions.Host.Billing });
}
