using ErpSaaS.Inventory;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Inventory.Verification;

/// <summary>The last check of balances against the ledger (nightly or by hand), every difference it found, and "check now".</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Inventory)]
public sealed class IndexModel(IStockVerificationAppService verification) : AdminPageModel
{
    public StockVerificationRunDto? Last { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Last = await verification.GetLastAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => verification.RunAsync(cancellationToken), prefix: string.Empty))
        {
            Flash("Inventory:VerificationDone");
            return RedirectToPage();
        }
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
