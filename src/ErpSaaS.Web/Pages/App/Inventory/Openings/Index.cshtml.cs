using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Inventory.Documents;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Openings;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IStockDocumentAppService documents, TimeProvider clock) : StockDocumentListPageModel(documents, clock)
{
    public override StockDocumentKind Kind => StockDocumentKind.Opening;
}
