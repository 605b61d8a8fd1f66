using ErpSaaS.Billing;
using ErpSaaS.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace ErpSaaS.Web.Pages.Host.Billing;

/// <summary>The operator's billing figures: tenants by status, MRR, trial→paid conversion, 12 weeks of sign-ups and conversions.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class IndexModel(IBillingAdminAppService billing) : ErpPageModel
{
    public BillingFiguresDto Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await billing.GetFiguresAsync(cancellationToken);
}
