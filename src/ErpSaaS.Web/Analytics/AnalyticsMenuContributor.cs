using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Analytics;

/// <summary>The "Analytics" group on the tenant side: the exceptions list.</summary>
public sealed class AnalyticsMenuContributor : IMenuContributor
{
    public const string AnalyticsGroup = "Analytics";
    public const string ExceptionsUrl = "/app/analytics/exceptions";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(AnalyticsGroup, "Menu:Group:Analytics", "ti ti-chart-dots", 800))
            .Item(new MenuItem("Menu:Exceptions", "ti ti-alert-triangle", ExceptionsUrl, MenuSide.Tenant)
            {
                Group = AnalyticsGroup, Order = 10, RequiredPermission = ErpPermissions.Analytics.ExceptionsView, RequiredFeature = ErpFeatures.Trading,
            });
}
