using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Quotations;

[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class DetailsModel(ISalesQuotationAppService quotations) : ErpPageModel
{
    public SalesQuotationDto Quotation { get; private set; } = null!;

    [BindProperty]
    public SalesActionInput Action { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Quotation = await quotations.GetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostConvertAsync(Guid id, CancellationToken cancellationToken)
    {
        var orderId = Guid.Empty;
        if (IsValidFor(nameof(Action)) && await TryAsync(async () => orderId = await quotations.ConvertAsync(id, Action, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Sales:QuotationConverted"].Value;
            return Redirect($"/app/sales/orders/{orderId}");
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
