using ErpSaaS.Approvals;
using ErpSaaS.Web.Approvals;

namespace ErpSaaS.Web.Pages.App.Approvals;

public sealed class IndexModel(IApprovalInboxAppService inbox, TimeProvider clock) : ApprovalInboxPageModel(inbox, clock);
