using ErpSaaS.Inventory.Documents;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Inventory.Counts;

/// <summary>The count sheet to print: every line to count, bin by bin, with an empty box for the figure (a blind count: no book quantities).</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class SheetModel(IStockCountAppService counts) : ErpPageModel
{
    public StockCountDto Count { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Count = await counts.GetAsync(id, cancellationToken);
}
