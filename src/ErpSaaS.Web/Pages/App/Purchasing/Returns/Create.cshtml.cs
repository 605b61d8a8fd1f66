using ErpSaaS.Permissions;
using ErpSaaS.Purchasing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Purchasing.Returns;

/// <summary>Returning accepted goods of a posted receipt: one row per line with what may still go back, and a reason.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Purchasing)]
public sealed class CreateModel(IPurchaseReturnAppService returns, IGoodsReceiptAppService receipts) : ErpPageModel
{
    [BindProperty]
    public PurchaseReturnInput Input { get; set; } = new();

    public GoodsReceiptDto Receipt { get; private set; } = null!;

    public async Task OnGetAsync(Guid receiptId, CancellationToken cancellationToken)
    {
        Receipt = await receipts.GetAsync(receiptId, cancellationToken);
        Input = new PurchaseReturnInput { GoodsReceiptId = receiptId };
        await TryAsync(async () => Input = await returns.NewForReceiptAsync(receiptId, cancellationToken), string.Empty);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Receipt = await receipts.GetAsync(Input.GoodsReceiptId ?? Guid.Empty, cancellationToken);
        if (!ModelState.IsValid) return Page();
        ModelState.Clear();
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await returns.CreateAsync(Input, cancellationToken)))
        {
            TempData["Message"] = L["Purchasing:ReturnPosted"].Value;
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }
}
