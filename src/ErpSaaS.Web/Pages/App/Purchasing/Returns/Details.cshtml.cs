using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.App.Purchasing.Returns;

/// <summary>A posted purchase return: what went back, from where, at what cost and why, with its timeline.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class DetailsModel(IPurchaseReturnAppService returns) : ErpPageModel
{
    public PurchaseReturnDto Return { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Return = await returns.GetAsync(id, cancellationToken);
}
