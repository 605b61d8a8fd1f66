using ErpSaaS.Approvals;
using ErpSaaS.Web.Approvals;

namespace ErpSaaS.Web.Pages.App.Approvals;

public sealed class DecidedModel(IApprovalInboxAppService inbox, TimeProvider clock) : ApprovalHistoryPageModel(inbox, clock);
