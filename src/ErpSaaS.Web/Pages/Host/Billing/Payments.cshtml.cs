using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using ErpSaaS.Web.ImportExport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.Host.Billing;

/// <summary>The operator's payments: bank transfers to confirm (filter, paging, CSV), "mark paid", recent invoices.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Host.Billing)]
public sealed class PaymentsModel(IBillingAdminAppService billing, TimeProvider clock) : ListPageModel<PaymentListQuery, BankTransferOrderDto>(clock)
{
    public const int RecentInvoiceCount = 20;

    public IReadOnlyList<BillingInvoiceDto> RecentInvoices { get; private set; } = [];

    [BindProperty] public MarkPaidForm Input { get; set; } = new();

    public sealed class MarkPaidForm
    {
        public Guid OrderId { get; set; }
        public decimal? Amount { get; set; }
        public DateOnly? PaidOn { get; set; }
        public string? BankReference { get; set; }
    }

    protected override string ExportName => "bank-transfers";

    protected override Task<PagedResult<BankTransferOrderDto>> GetPageAsync(PaymentListQuery query, CancellationToken cancellationToken) =>
        billing.GetTransfersAsync(query, cancellationToken);

    protected override Task<IReadOnlyList<BankTransferOrderDto>> ExportAsync(PaymentListQuery query, CancellationToken cancellationToken) =>
        billing.ExportTransfersAsync(query, cancellationToken);

    protected override async Task LoadExtrasAsync(CancellationToken cancellationToken) =>
        RecentInvoices = await billing.GetRecentInvoicesAsync(RecentInvoiceCount, cancellationToken);

    protected override IEnumerable<ExportColumn<BankTransferOrderDto>> ExportColumns() =>
    [
        new(L["Billing:Reference"], o => o.Reference),
        new(L["Billing:Tenant"], o => o.TenantName),
        new(L["Billing:Plan"], o => o.PlanNameEn),
        new(L["Billing:Interval"], o => o.Interval.ToString()),
        new(L["Billing:Amount"], o => o.Amount),
        new(L["Billing:Status"], o => L[$"Billing:TransferStatus:{o.Status}"].Value),
        new(L["Billing:CreatedAt"], o => o.CreatedAt),
        new(L["Payments:PaidAmount"], o => o.PaidAmount),
        new(L["Payments:PaidOn"], o => o.PaidOn),
        new(L["Payments:BankReference"], o => o.BankReference),
    ];

    public async Task<IActionResult> OnPostMarkPaidAsync([FromQuery] PaymentListQuery query, CancellationToken cancellationToken)
    {
        BillingInvoiceDto? invoice = null;
        if (await TryAsync(async () => invoice = await billing.MarkPaidAsync(Input.OrderId,
                new MarkPaidInput(Input.Amount ?? 0m, Input.PaidOn ?? DateOnly.MinValue, Input.BankReference), cancellationToken)))
        {
            TempData["Message"] = L["Payments:Confirmed", invoice!.TenantName, invoice.Number].Value;
            return RedirectToPage();
        }
        await OnGetAsync(query, cancellationToken);
        return Page();
    }
}
