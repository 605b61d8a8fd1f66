using ErpSaaS.Permissions;
using ErpSaaS.Sales;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Sales.Invoices;

/// <summary>An invoice's page: its lines, the receivable still open and the receipts recorded against it.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Trading.Sales)]
public sealed class DetailsModel(ISalesInvoiceAppService invoices, TimeProvider clock) : ErpPageModel
{
    public SalesInvoiceDto Invoice { get; private set; } = null!;

    [BindProperty]
    public SalesReceiptInput Receipt { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Invoice = await invoices.GetAsync(id, cancellationToken);
        Receipt = new SalesReceiptInput { Version = Invoice.Version, Amount = Invoice.OpenAmount, ReceivedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
    }

    public async Task<IActionResult> OnPostReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IsValidFor(nameof(Receipt)) && await TryAsync(() => invoices.RecordReceiptAsync(id, Receipt, cancellationToken), nameof(Receipt)))
        {
            TempData["Message"] = L["Sales:ReceiptRecorded"].Value;
            return RedirectToPage(new { id });
        }
        Invoice = await invoices.GetAsync(id, cancellationToken);
        return Page();
    }
}
