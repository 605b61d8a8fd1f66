using ErpSaaS.Billing;
using ErpSaaS.Common;
using ErpSaaS.Tenancy;
using ErpSaaS.Permissions;
using ErpSaaS.Web.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ErpSaaS.Web.Pages.App.Billing;

/// <summary>The company's plan, usage, plans to compare, invoices; upgrade and pay by bank transfer or card.</summary>
[Authorize(Policy = ErpPermissions.PolicyPrefix + ErpPermissions.Billing.Manage)]
public sealed class IndexModel(IBillingAppService billing, ICurrentTenant currentTenant, ITenantStore tenants, IPublicUrls urls) : AdminPageModel
{
    public BillingOverviewDto Overview { get; private set; } = null!;

    /// <summary>Shown once, right after an order to pay by bank transfer was placed.</summary>
    public BankTransferInstructionsDto? Instructions { get; private set; }

    [BindProperty] public UpgradeInput Input { get; set; } = new();

    public sealed class UpgradeInput
    {
        public Guid? PlanId { get; set; }
        public BillingInterval Interval { get; set; } = BillingInterval.Yearly;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBankTransferAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(async () => Instructions = await billing.StartBankTransferAsync(Input.PlanId ?? Guid.Empty, Input.Interval, cancellationToken)))
        {
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckoutAsync(CancellationToken cancellationToken)
    {
        Uri? target = null;
        if (await TryAsync(async () => target = await billing.StartCheckoutAsync(Input.PlanId ?? Guid.Empty, Input.Interval,
                await HereAsync("?checkout=success", cancellationToken), await HereAsync("?checkout=cancel", cancellationToken), cancellationToken)))
        {
            return Redirect(target!.ToString());
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPortalAsync(CancellationToken cancellationToken)
    {
        Uri? target = null;
        if (await TryAsync(async () => target = await billing.StartPortalAsync(await HereAsync(string.Empty, cancellationToken), cancellationToken)))
        {
            return Redirect(target!.ToString());
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelTransferAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => billing.CancelBankTransferAsync(orderId, cancellationToken)))
        {
            TempData["Message"] = L["Billing:TransferCancelled"].Value;
            return RedirectToPage();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Where Stripe sends the browser back: this page on the company's own site.</summary>
    private async Task<Uri> HereAsync(string query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindAsync(currentTenant.Id ?? throw new InvalidOperationException("Billing is a company page."), cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(Tenant), currentTenant.Id);
        return new Uri(urls.TenantSite(tenant.Slug, "/app/billing" + query));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await billing.GetOverviewAsync(cancellationToken);
        Input.PlanId ??= Overview.Plans.FirstOrDefault(p => p.Id != Overview.CurrentPlanId)?.Id ?? Overview.CurrentPlanId;
    }
}
