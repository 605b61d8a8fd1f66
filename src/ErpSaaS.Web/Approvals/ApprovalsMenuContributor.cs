using ErpSaaS.Features;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Menu;

namespace ErpSaaS.Web.Approvals;

/// <summary>
/// "Approvals" on the tenant side: everyone's inbox and absence (any signed-in user of the company), and the flows
/// for tenant admins.
/// </summary>
public sealed class ApprovalsMenuContributor : IMenuContributor
{
    public const string ApprovalsGroup = "Approvals";
    public const string InboxUrl = "/app/approvals";
    public const string DelegationsUrl = "/app/approvals/delegations";
    public const string FlowsUrl = "/app/approvals/flows";

    public void Contribute(MenuDefinition menu) =>
        menu.Group(new MenuGroup(ApprovalsGroup, "Menu:Group:Approvals", "ti ti-checkup-list", 850))
            .Item(new MenuItem("Menu:MyApprovals", "ti ti-inbox", InboxUrl, MenuSide.Tenant) { Group = ApprovalsGroup, Order = 10 })
            .Item(new MenuItem("Menu:ApprovalDelegations", "ti ti-user-share", DelegationsUrl, MenuSide.Tenant) { Group = ApprovalsGroup, Order = 20 })
            .Item(new MenuItem("Menu:ApprovalFlows", "ti ti-git-branch", FlowsUrl, MenuSide.Tenant)
            {
                Group = ApprovalsGroup, Order = 30, RequiredPermission = ErpPermissions.Approvals.FlowsManage, RequiredFeature = ErpFeatures.ApprovalFlows,
            });
}
