using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Deliveries;

/// <summary>A delivery's page (and its printable pick list): scan to pick, post to ship, invoice what shipped.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class DetailsModel(ISalesDeliveryAppService deliveries, ISalesInvoiceAppService invoices) : ErpPageModel
{
    public SalesDeliveryDto Delivery { get; private set; } = null!;

    [BindProperty]
    public SalesActionInput Action { get; set; } = new();

    [BindProperty]
    public SalesScanInput Scan { get; set; } = new();

    public SalesScanResultDto? LastScan { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Delivery = await deliveries.GetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostScanAsync(Guid id, CancellationToken cancellationToken)
    {
        SalesScanResultDto? scanned = null;
        if (IsValidFor(nameof(Scan)) && await TryAsync(async () => scanned = await deliveries.ScanAsync(id, Scan, cancellationToken), nameof(Scan)))
        {
            ModelState.Clear();
            Scan = new SalesScanInput();
        }
        LastScan = scanned;
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => deliveries.PostAsync(id, Action, cancellationToken), "Sales:DeliveryPosted", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => deliveries.CancelAsync(id, Action, cancellationToken), "Sales:CancelledMessage", cancellationToken);

    public async Task<IActionResult> OnPostInvoiceAsync(Guid id, CancellationToken cancellationToken)
    {
        var invoiceId = Guid.Empty;
        if (await TryAsync(async () => invoiceId = await invoices.CreateFromDeliveryAsync(id, cancellationToken), nameof(Action)))
        {
            TempData["Message"] = L["Sales:InvoiceCreated"].Value;
            return Redirect($"/app/sales/invoices/{invoiceId}");
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string doneKey, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Action)) && await TryAsync(action, nameof(Action)))
        {
            TempData["Message"] = L[doneKey].Value;
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
