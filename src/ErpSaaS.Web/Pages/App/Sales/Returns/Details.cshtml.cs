using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Sales.Returns;

/// <summary>A return's page: what came back, where to, at what cost, what was credited, and its timeline.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class DetailsModel(ISalesReturnAppService returns) : ErpPageModel
{
    public SalesReturnDto Return { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Return = await returns.GetAsync(id, cancellationToken);
}
